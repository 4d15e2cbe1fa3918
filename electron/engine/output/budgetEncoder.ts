import type { RawImage } from '../decode/types';
import { describeSettings, encodeRaw, type EncoderSettings, type MetadataStep } from './encoderSettings';
import type { OutputFormat } from '../../domain/outputFormats';
import { hasTransparency } from './autoFormat';
import { nextQuality, type QualityPoint } from './qualitySearch';

/** What to encode and the weight it must stay under. */
export interface BudgetRequest {
  readonly raw: RawImage;
  readonly format: OutputFormat;
  /** The profile's quality: the first try, and the ceiling of the search (never raised above it). */
  readonly quality: number;
  /** The limit in bytes; absent, the image is encoded once with the profile's settings. */
  readonly maxBytes?: number;
  /** Formats that may be tried when `format` cannot fit (the `auto` choice lets an opaque PNG become a JPEG). */
  readonly fallbackFormats?: readonly OutputFormat[];
  readonly metadata?: MetadataStep;
}

/** One encode the search made. */
interface EncodeAttempt extends EncoderSettings {
  readonly bytes: number;
}

/** The file to write and how it was found. `withinBudget` false: the smallest file reached, with `reason`. */
export interface BudgetResult {
  readonly bytes: Buffer;
  readonly settings: EncoderSettings;
  readonly attempts: readonly EncodeAttempt[];
  readonly withinBudget: boolean;
  readonly reason?: string;
}

/** The lowest JPEG/WebP quality the search goes to: below it blocks and banding show in any ad. */
const MIN_QUALITY = 30;
/** About what 4:2:0 and progressive scans leave of a q90 4:4:4 JPEG of a photo (0.75-0.85 measured on the corpus). */
const FAST_SHARE = 0.8;
/** Most encodes of one quality search: a bound on the time a hopeless budget may take. */
const MAX_ATTEMPTS = 6;
/**
 * Palette sizes tried in turn for a PNG over its budget. libvips stores a palette in 1, 2, 4 or 8 bits, so any
 * count from 17 to 255 writes the same file as 256: the steps that change the weight are 256 and 16.
 */
const PALETTES = [256, 16];

/**
 * Encodes pixels to the smallest change that fits the budget: the profile's settings first (one encode when it
 * fits, the usual case), then for JPEG/WebP a quality search (see qualitySearch) with chroma subsampling and
 * progressive scans (mozjpeg when nothing faster fits), for PNG palette quantisation; then any fallback format. The pixel size is never changed. When nothing
 * fits, the smallest file reached is returned with a reason a designer can act on.
 */
export async function encodeWithinBudget(request: BudgetRequest): Promise<BudgetResult> {
  const attempts: Array<EncodeAttempt & { data: Buffer }> = [];
  const tryEncode = async (settings: EncoderSettings) => {
    const data = await encodeRaw(request.raw, settings, request.metadata);
    attempts.push({ ...settings, bytes: data.length, data });
    return data.length;
  };
  const fits = (bytes: number) => request.maxBytes === undefined || bytes <= request.maxBytes;
  const formats = [request.format, ...(request.fallbackFormats ?? []).filter((format) => format !== request.format)];
  for (const format of formats) {
    if (format === 'jpeg' && hasTransparency(request.raw) && format !== request.format) continue;
    const found = format === 'png' ? await searchPng(tryEncode, fits, attempts.length === 0) : await searchLossy(format, request, tryEncode, fits);
    if (found) break;
  }
  return settle(attempts, request.maxBytes);
}

type TryEncode = (settings: EncoderSettings) => Promise<number>;

async function searchPng(tryEncode: TryEncode, fits: (bytes: number) => boolean, first: boolean): Promise<boolean> {
  if (first && fits(await tryEncode({ format: 'png' }))) return true;
  for (const colours of PALETTES) if (fits(await tryEncode({ format: 'png', paletteColours: colours }))) return true;
  return false;
}

async function searchLossy(format: 'jpeg' | 'webp', request: BudgetRequest, tryEncode: TryEncode, fits: (bytes: number) => boolean): Promise<boolean> {
  const ceiling = Math.max(MIN_QUALITY, Math.min(100, Math.round(request.quality)));
  const asked: EncoderSettings = format === 'jpeg' ? { format, quality: ceiling, chroma: ceiling >= 90 ? '4:4:4' : '4:2:0' } : { format, quality: ceiling };
  const firstBytes = await tryEncode(asked);
  if (fits(firstBytes) || request.maxBytes === undefined) return fits(firstBytes);
  const budget = request.maxBytes;
  if (format === 'webp') return searchQuality(budget, ceiling, [{ quality: ceiling, bytes: firstBytes }], (quality) => tryEncode({ format, quality }));
  // JPEG: halved chroma and progressive scans cost no time and take 15-20% off; the quality search uses them.
  // mozjpeg takes a further fifth off but encodes about ten times slower, so it is kept for what nothing else fits.
  // The first fast try is predicted from the asked encode, as if the fast settings had already saved their share.
  const fast = (quality: number) => tryEncode({ format, quality, chroma: '4:2:0', progressive: true });
  const predicted = nextQuality([{ quality: ceiling, bytes: firstBytes * FAST_SHARE }], budget, MIN_QUALITY, ceiling) ?? ceiling;
  if (await searchQuality(budget, ceiling, [], fast, Math.min(ceiling, predicted + 1))) return true;
  return searchQuality(budget, ceiling, [], (quality) => tryEncode({ format, quality, chroma: '4:2:0', mozjpeg: true }), MIN_QUALITY);
}

/**
 * The quality search of one group of settings (see nextQuality): from `start`, or from the ceiling (or `from`) when
 * nothing is known yet. True when some quality fits.
 */
async function searchQuality(budget: number, ceiling: number, start: QualityPoint[], encodeAt: (quality: number) => Promise<number>, from = ceiling): Promise<boolean> {
  const points = [...start];
  let quality: number | undefined = points.length === 0 ? from : nextQuality(points, budget, MIN_QUALITY, ceiling);
  for (let tries = 0; tries < MAX_ATTEMPTS && quality !== undefined; tries++) {
    points.push({ quality, bytes: await encodeAt(quality) });
    quality = nextQuality(points, budget, MIN_QUALITY, ceiling);
  }
  return points.some((point) => point.bytes <= budget);
}

function settle(attempts: ReadonlyArray<EncodeAttempt & { data: Buffer }>, maxBytes: number | undefined): BudgetResult {
  const list = attempts.map(({ data: _data, ...attempt }) => attempt);
  const fitting = attempts.filter((attempt) => maxBytes === undefined || attempt.bytes <= maxBytes);
  // Among fitting files the best-looking one: the first format tried, then the highest quality / most colours.
  const best = fitting.length > 0 ? fitting.reduce((a, b) => (looksBetter(b, a) ? b : a)) : attempts.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  const { data, bytes: _bytes, ...settings } = best;
  if (fitting.length > 0) return { bytes: data, settings, attempts: list, withinBudget: true };
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  const reason = `Even the smallest encoding tried (${describeSettings(settings)}, ${kb(best.bytes)}) is over the ${kb(maxBytes ?? 0)} limit; the pixel size is kept, so a simpler image (fewer fine details or colours) is needed to fit.`;
  return { bytes: data, settings, attempts: list, withinBudget: false, reason };
}

/** True when `a` should be preferred to `b` among files that fit: same format, higher quality or more colours. */
function looksBetter(a: EncodeAttempt, b: EncodeAttempt): boolean {
  if (a.format !== b.format) return false;
  if (a.format === 'png') return (a.paletteColours ?? 1000) > (b.paletteColours ?? 1000);
  if ((a.quality ?? 0) !== (b.quality ?? 0)) return (a.quality ?? 0) > (b.quality ?? 0);
  if (a.chroma !== b.chroma) return a.chroma === '4:4:4';
  // At one quality and subsampling, mozjpeg's trellis quantisation keeps more detail per byte.
  return a.mozjpeg === true && b.mozjpeg !== true;
}
