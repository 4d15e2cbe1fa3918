/**
 * Where the local engine's CPU goes on one file, stage by stage: each stage run on its own, one after another, on
 * this thread (the models loaded here, not in the workers), timed as the process's CPU time. Wall times on this
 * shared machine follow its load; CPU time does not, so these say what a stage costs and what removing it would save
 * (the engine runs detection's two halves in two workers and renders sizes concurrently, so its wall time on two
 * idle cores is about half the sum).
 */
import sharp from 'sharp';
import { planComposition } from '../../electron/engine/composition';
import { loadFaceModel } from '../../electron/engine/composition/detection/faceModel';
import { loadObjectModel } from '../../electron/engine/composition/detection/objectModel';
import { textPlanes } from '../../electron/engine/composition/detection/textPlanes';
import { findTextBlocks } from '../../electron/engine/composition/detection/textRegions';
import { DETAIL_SIDE } from '../../electron/engine/composition/detection/subjectDetector';
import { renderPadded } from '../../electron/engine/composition/fills';
import { type BackdropSource, backdropSource } from '../../electron/engine/composition/fills/backdropSource';
import { DEFAULT_FILL } from '../../electron/engine/composition/fills/fillStyle';
import { subjectsInTarget } from '../../electron/engine/composition/subjectsInTarget';
import type { Subject } from '../../electron/engine/composition/subjects';
import { loadSourceImage } from '../../electron/engine/decode';
import type { RawImage } from '../../electron/engine/decode/types';
import { decodeScaleForTargets } from '../../electron/engine/local/decodeScale';
import { withEncoder } from '../../electron/engine/local/encodeOutput';
import { rawDescriptor, renderCrop } from '../../electron/engine/local/renderCrop';
import { saliencyMap } from '../../electron/engine/local/saliencyMap';
import type { TargetSize } from '../../electron/domain/sizes/targetSize';

/** The saliency thumbnail's long side (the detector's and the saliency subject's). */
const SMALL_SIDE = 160;
/**
 * The models, loaded once on this thread (human's loader lets this thread's fetch read files from disk, as it does
 * in the workers: harmless in a bench script, which fetches nothing else).
 */
let models: Promise<[Awaited<ReturnType<typeof loadFaceModel>>, Awaited<ReturnType<typeof loadObjectModel>>]> | undefined;

/**
 * Median CPU milliseconds of each stage over `runs` runs (after one untimed run that warms it). The plans are made
 * on the subjects `detect` finds in the decoded pixels (the engine's detector), so they pad the sizes the engine pads.
 */
export async function stageProfile(
  file: string,
  targets: readonly TargetSize[],
  quality: number,
  runs: number,
  detect: (raw: RawImage) => Promise<readonly Subject[]>,
): Promise<Array<{ stage: string; cpuMs: number }>> {
  models ??= Promise.all([loadFaceModel(), loadObjectModel()]);
  const [faces, objects] = await models;
  const rows: Array<{ stage: string; cpuMs: number }> = [];
  const timed = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
    let result = await work();
    const samples: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const start = process.cpuUsage();
      result = await work();
      const used = process.cpuUsage(start);
      samples.push((used.user + used.system) / 1000);
    }
    rows.push({ stage, cpuMs: [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]! });
    return result;
  };
  const source = await timed('decode', () => loadSourceImage(file, { minScale: (probe) => decodeScaleForTargets(probe, targets) }));
  const raw = source.raw;
  const [detail, small] = await timed('detection thumbnails', () => Promise.all([thumbnail(raw, DETAIL_SIDE), thumbnail(raw, SMALL_SIDE)]));
  await timed('saliency map', () => saliencyMap(small));
  await timed('text', () => findTextBlocks(textPlanes(detail)));
  await timed('faces (BlazeFace)', () => faces.detect(detail));
  await timed('objects (CenterNet)', () => objects.detect(detail));
  const subjects = await detect(raw);
  const plans = await timed('plan (all sizes)', () => targets.map((target) => planComposition({ source: raw, subjects }, target).plan));
  const padded = plans.filter((plan) => plan.method !== 'crop');
  const canvases = await timed(`pad canvases: fitted image and fill (${padded.length} sizes)`, () => {
    // As renderLocalSizes does: the source shrunk once for every size's backdrop.
    let shared: Promise<BackdropSource> | undefined;
    const backdrop = (): Promise<BackdropSource> => (shared ??= backdropSource(raw, targets));
    return Promise.all(padded.map((plan) => renderPadded(raw, plan, DEFAULT_FILL, subjectsInTarget(subjects, plan), backdrop)));
  });
  await timed(`encode, crops resized first (${plans.length} sizes)`, () =>
    Promise.all([
      ...plans.filter((plan) => plan.method === 'crop').map((plan) => renderCrop(raw, plan, { format: 'jpeg', quality })),
      ...canvases.map((canvas) => withEncoder(sharp(canvas.data, { raw: rawDescriptor(canvas) }), { format: 'jpeg', quality }, raw.channels === 4).toBuffer()),
    ]),
  );
  return rows;
}

async function thumbnail(raw: RawImage, side: number): Promise<{ data: Uint8Array; width: number; height: number; channels: number }> {
  const { data, info } = await sharp(raw.data, { raw: rawDescriptor(raw) }).resize(side, side, { fit: 'inside', withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, channels: info.channels };
}
