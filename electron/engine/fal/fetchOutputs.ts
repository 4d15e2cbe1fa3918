import sharp from 'sharp';
import { withEncoder } from '../local/encodeOutput';
import type { OutputFormat } from '../../domain/outputFormats';
import type { TargetSize } from '../../domain/sizes/targetSize';
import { FalCallTimeoutError } from './falCallTimeouts';

/** One output image of a fal result, paired with its target through `results[i]`. */
export interface FalOutputRef {
  readonly target: TargetSize;
  readonly url: string;
  /** 1-based among the images fal made for this target. */
  readonly imageIndex: number;
  readonly imageCount: number;
  /** The tier fal reported for this target (`results[i].resolution`). */
  readonly tier: string | null;
  /**
   * The size fal was asked for when it is not the target: a far-aspect target's covering preset, which the file is
   * checked against and from which the target is cut afterwards around the subject.
   */
  readonly canvas?: TargetSize;
}

/** A downloaded output, verified to be exactly the target size and in the profile's format. */
export interface FetchedOutput extends FalOutputRef {
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  /** True when fal's file was off-size (or in another format) and was fixed here. */
  readonly corrected: boolean;
}

/**
 * Downloads every output at once (fal's CDN keeps files only days), checks each is exactly W x H (the size asked
 * for: the target, or its canvas) in the profile's format, and fixes one that is not with a final cover resize + re-encode: what the user asked for is an exact size.
 */
export async function fetchOutputs(
  refs: readonly FalOutputRef[],
  format: OutputFormat,
  quality: number,
  fetchImpl: typeof fetch,
  signal?: AbortSignal,
): Promise<FetchedOutput[]> {
  return Promise.all(refs.map((ref) => fetchOne(ref, format, quality, fetchImpl, signal)));
}

/** One output download may take this long (fal's CDN; a few MB at a slow link's speed). */
const DOWNLOAD_TIMEOUT_MS = 120_000;

async function fetchOne(ref: FalOutputRef, format: OutputFormat, quality: number, fetchImpl: typeof fetch, signal?: AbortSignal): Promise<FetchedOutput> {
  // A download whose connection stays open with no bytes must not hold the job: it fails as fal's silence.
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(new FalCallTimeoutError('transfer', DOWNLOAD_TIMEOUT_MS)), DOWNLOAD_TIMEOUT_MS);
  let bytes: Buffer;
  try {
    const response = await fetchImpl(ref.url, { signal: signal ? AbortSignal.any([signal, timer.signal]) : timer.signal });
    if (!response.ok) throw new Error(`Downloading a fal output failed: HTTP ${response.status} for ${ref.url}`);
    bytes = Buffer.from(await response.arrayBuffer());
  } finally {
    clearTimeout(timeout);
  }
  const meta = await sharp(bytes).metadata();
  const expected = ref.canvas ?? ref.target;
  const sameSize = meta.width === expected.width && meta.height === expected.height;
  if (sameSize && meta.format === format) {
    return { ...ref, bytes, width: expected.width, height: expected.height, corrected: false };
  }
  const fixed = await withEncoder(
    sharp(bytes).rotate().resize(expected.width, expected.height, { fit: 'cover', position: 'centre' }),
    { format, quality },
    meta.hasAlpha ?? false,
  ).toBuffer();
  return { ...ref, bytes: fixed, width: expected.width, height: expected.height, corrected: !sameSize };
}
