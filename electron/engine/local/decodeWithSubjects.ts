import type { Detection } from '../composition/detection';
import { DETAIL_SIDE } from '../composition/detection/subjectDetector';
import { type FindSubjectsOptions, findSubjects } from '../composition/findSubjects';
import { loadSourceImage, probeImage } from '../decode';
import type { ImageProbe, LoadOptions, SourceImage } from '../decode/types';
import type { Dims } from './geometry';

/** Formats whose decoder shrinks on load (DCT scaling): a detection thumbnail costs a small part of a full decode. */
const SHRINK_ON_LOAD = new Set<ImageProbe['format']>(['jpeg', 'webp']);
/** The thumbnail is decoded a little above the detection size, so the detector's own downscale is a true one. */
const THUMBNAIL_MARGIN = 1.25;

/** A decoded source, its subjects, and what each step took (milliseconds, wall time). */
export interface SourceWithSubjects {
  readonly source: SourceImage;
  readonly detection: Detection;
  /** `decode` (the full decode), `detect` (the wait for subjects after it: the part not overlapped). */
  readonly timings: { readonly decode: number; readonly detect: number };
}

/**
 * Decodes a file and finds its subjects, overlapping the two: for a big JPEG or WebP a detection thumbnail is
 * decoded straight from the file (shrink-on-load, a few milliseconds) and the detector's workers run on it while
 * the full decode goes on (on libuv's threads), so detection adds only what outlasts the decode. Other formats, and
 * sources near the detection size, are detected on the full decode, as is any source whose early detection fails
 * (and content already detected comes from the detector's cache).
 */
export async function decodeWithSubjects(path: string, load: LoadOptions, find: FindSubjectsOptions): Promise<SourceWithSubjects> {
  const start = performance.now();
  const early = find.detector ? earlyDetection(path, load, find) : undefined;
  const source = await loadSourceImage(path, load);
  const decoded = performance.now();
  const found = await early;
  const detection = await findSubjects(source.raw, { ...find, found });
  return { source, detection, timings: { decode: Math.round(decoded - start), detect: Math.round(performance.now() - decoded) } };
}

/** The detection of a small decode of the file, or undefined when there is no gain in one (or it failed). */
async function earlyDetection(path: string, load: LoadOptions, find: FindSubjectsOptions): Promise<{ detection: Detection; size: Dims } | undefined> {
  if (find.contentHash && find.detector!.isCached(find.contentHash)) return undefined;
  try {
    const probe = await probeImage(path, load);
    const side = Math.max(probe.width, probe.height);
    if (!SHRINK_ON_LOAD.has(probe.format) || side < 2 * DETAIL_SIDE) return undefined;
    const thumbnail = await loadSourceImage(path, { ...load, minScale: (DETAIL_SIDE * THUMBNAIL_MARGIN) / side });
    const detection = await find.detector!.detect(thumbnail.raw, { contentHash: find.contentHash });
    return { detection, size: thumbnail.raw };
  } catch {
    // The full decode says what is wrong with the file; detection then runs on its pixels, if any.
    return undefined;
  }
}
