import type { FillOptions, Subject, UserMarks } from '../composition';
import type { SubjectDetector } from '../composition/detection';
import type { LayoutMethod } from '../composition/planner';
import type { ProfileFormat } from '../../domain/outputFormats';
import type { TargetSize } from '../../domain/sizes/targetSize';
import type { DecodeOptions } from '../decode/types';
import type { Box } from '../local/geometry';
import { readSidecarMarks } from '../composition/marks';
import { renderLocalFile } from '../local';
import { safeInsetsFor } from '../preflight';
import { finishImages, localPixels, placementLookup, sourceRights } from './finishImages';
import { type OutputPlacement, type WrittenImage, writeRenderedOutputs } from './writeRenderedOutputs';
import { outputNameFor } from './caseCollisions';
import { RunOutputNames } from './runOutputNames';
import type { OutputNameRegistry } from '../store/outputNames';

/** A local resize of one file: which sizes (and the placements they name), how to encode and fill, where to write, what the user marked. */
export interface LocalResizeRequest extends OutputPlacement, DecodeOptions {
  /** Sizes, each optionally naming a placement whose spec the output is encoded to and checked against. */
  readonly sizes: ReadonlyArray<TargetSize & { readonly placement?: string }>;
  readonly format: ProfileFormat;
  readonly quality?: number;
  readonly fill?: FillOptions;
  readonly marks?: UserMarks;
  /** Finds faces, objects and text; without one, the saliency box only. */
  readonly detector?: SubjectDetector;
  /** A weight budget for every size, in KB (the placement's own applies too). */
  readonly maxKB?: number;
  /** Copy the source's rights metadata (default true). */
  readonly copyMetadata?: boolean;
  /**
   * The names given so far in this run (one for all its files, so two sources whose outputs differ only by case
   * get "name (2)"); default: one for this file alone.
   */
  readonly names?: OutputNameRegistry;
}

/** How one output was laid out: the method and the part of the upright source it shows. */
interface OutputLayout {
  readonly method: LayoutMethod;
  readonly sourceRegion: Box;
}

/** What happened to one file: its outputs (with their layout), the subjects found, and intake's and detection's notes. */
export interface LocalResizeResult {
  readonly outputs: ReadonlyArray<WrittenImage & OutputLayout>;
  readonly subjects: readonly Subject[];
  readonly notes: readonly string[];
}

/** Quality when neither the profile nor the command sets one. */
const DEFAULT_QUALITY = 90;

/**
 * Decodes the file once, renders every size with the local engine, encodes each to its placement's spec (format,
 * weight, metadata) with its preflight, and writes the outputs. Free and offline.
 */
export async function resizeFileLocally(request: LocalResizeRequest): Promise<LocalResizeResult> {
  const targets = request.sizes.map(({ width, height }) => ({ width, height }));
  const placementOf = placementLookup(request.sizes);
  const rendered = await renderLocalFile(request.sourcePath, targets, {
    format: 'raw',
    fill: request.fill,
    limitInputPixels: request.limitInputPixels,
    maxSvgSide: request.maxSvgSide,
    // Marks given on the command line, else those the source's XMP sidecar carries (set in the app, maybe elsewhere).
    marks: request.marks ?? (await readSidecarMarks(request.sourcePath))?.marks,
    detector: request.detector,
    insetsFor: (target) => safeInsetsFor(placementOf(target), target),
  });
  const finished = await finishImages(
    rendered.outputs.map((output) => localPixels(output, rendered.channels, rendered.decodedSubjects)),
    {
      format: request.format,
      quality: request.quality ?? DEFAULT_QUALITY,
      maxKB: request.maxKB,
      copyMetadata: request.copyMetadata ?? true,
      placementOf,
      rights: await sourceRights(request.sourcePath),
      source: { width: rendered.probe.width, height: rendered.probe.height },
      aiComposited: false,
    },
  );
  const names = request.names ?? new RunOutputNames();
  const written = await writeRenderedOutputs(request, finished.images, {
    nameFor: (desiredPath, root) => outputNameFor(names, request.sourcePath, desiredPath, root),
  });
  return {
    notes: [...rendered.notes, ...finished.notes],
    subjects: rendered.subjects,
    outputs: written.map((output, index) => {
      const made = rendered.outputs[index]!;
      return { ...output, method: made.method, sourceRegion: made.sourceRegion };
    }),
  };
}
