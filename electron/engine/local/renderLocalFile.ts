import type { FindSubjectsOptions } from '../composition/findSubjects';
import { type Subject, scaleSubjects } from '../composition/subjects';
import type { ImageProbe, DecodeOptions } from '../decode/types';
import type { TargetSize } from '../../domain/sizes/targetSize';
import { decodeScaleForTargets } from './decodeScale';
import { decodeWithSubjects } from './decodeWithSubjects';
import type { Box } from './geometry';
import { type LocalOutput, type LocalRenderOptions, renderLocalSizes } from './renderLocalSizes';

/** An output of a file, with the part of the source it shows in the upright source's own pixels. */
interface LocalFileOutput extends LocalOutput {
  readonly sourceRegion: Box;
}

/** A file rendered by the local engine: what intake saw and said, what was found in it, one output per target. */
export interface LocalFileResult {
  readonly probe: ImageProbe;
  /** Intake's and detection's notes (e.g. "face/object models unavailable: ..."). */
  readonly notes: readonly string[];
  readonly outputs: LocalFileOutput[];
  /** Subjects found and given, in the upright source's pixels. */
  readonly subjects: Subject[];
  /** Subjects in the decoded pixels the plans are in (for the safe-zone check of each output). */
  readonly decodedSubjects: readonly Subject[];
  /** Channels of the decoded source, so `raw` outputs can be read (3, or 4 with alpha). */
  readonly channels: 3 | 4;
  /**
   * Wall milliseconds per step: `decode`, `detect` (the wait for subjects after the decode: what detection adds),
   * `render` (plans, fills, encodes), and the detector's own steps (see Detection.timings) prefixed `detection.`.
   */
  readonly timings: Readonly<Record<string, number>>;
}

/** Options of one file's local render: encoding and fill, intake limits, and how subjects are found. */
export type LocalFileOptions = Omit<LocalRenderOptions, 'subjects'> & DecodeOptions & FindSubjectsOptions;

/**
 * The whole local path for one file: probe, decode once at the smallest scale the targets need, find the subjects
 * (detector, focal point, keep boxes; overlapped with the decode), render every size. Refusals are SmartResizeErrors (see intake). The CLI uses it.
 */
export async function renderLocalFile(path: string, targets: readonly TargetSize[], options: LocalFileOptions): Promise<LocalFileResult> {
  const { source, detection, timings } = await decodeWithSubjects(path, { ...options, minScale: (probe) => decodeScaleForTargets(probe, targets) }, options);
  const renderStart = performance.now();
  const outputs = await renderLocalSizes(source, targets, { ...options, subjects: detection.subjects });
  const render = Math.round(performance.now() - renderStart);
  const detectorSteps = Object.fromEntries(Object.entries(detection.timings).map(([step, ms]) => [`detection.${step}`, ms]));
  const upright = { width: source.probe.width, height: source.probe.height };
  const toSource = (box: Box): Box => scaleSubjects([{ kind: 'keep', box, score: 1 }], source.raw, upright)[0]!.box;
  return {
    probe: source.probe,
    notes: [...source.notes, ...detection.notes],
    outputs: outputs.map((output) => ({ ...output, sourceRegion: roundBox(toSource(output.plan.region)) })),
    subjects: scaleSubjects(detection.subjects, source.raw, upright).map((subject) => ({ ...subject, box: roundBox(subject.box) })),
    decodedSubjects: detection.subjects,
    channels: source.raw.channels,
    timings: { ...timings, render, ...detectorSteps },
  };
}

function roundBox(box: Box): Box {
  const left = Math.round(box.left);
  const top = Math.round(box.top);
  return { left, top, width: Math.round(box.left + box.width) - left, height: Math.round(box.top + box.height) - top };
}
