import type { PlacementFormat } from '../../domain/placements';
import type { RawImage } from '../decode/types';
import type { OutputFormat } from '../../domain/outputFormats';

/** Distinct colours at or below which an image is a graphic (logo, flat art) rather than a photo. */
const FEW_COLOURS = 256;
/** Pixels sampled for the colour count: enough to see a photo's gradients, a few milliseconds of work. */
const COLOUR_SAMPLES = 40_000;

/**
 * The format `auto` writes for these pixels: PNG for transparency or few colours (where lossless is small and
 * JPEG would smear edges), JPEG for opaque photographic content, WebP only when the placement takes WebP and not
 * the format that would otherwise be chosen. `allowed` is the placement's list; absent, any of png/jpeg.
 */
export function chooseAutoFormat(raw: RawImage, allowed?: readonly PlacementFormat[]): OutputFormat {
  const ok = (format: OutputFormat) => !allowed || allowed.includes(format);
  if (hasTransparency(raw)) return ok('png') ? 'png' : ok('webp') ? 'webp' : 'jpeg';
  if (ok('png') && hasFewColours(raw)) return 'png';
  if (ok('jpeg')) return 'jpeg';
  if (ok('webp')) return 'webp';
  return 'png';
}

/** True when some pixel is not fully opaque. */
export function hasTransparency(raw: RawImage): boolean {
  if (raw.channels !== 4) return false;
  for (let index = 3; index < raw.data.length; index += 4) if ((raw.data[index] ?? 255) < 255) return true;
  return false;
}

/** True when a spread sample of the pixels holds at most FEW_COLOURS distinct colours. */
function hasFewColours(raw: RawImage): boolean {
  const pixels = raw.width * raw.height;
  const step = Math.max(1, Math.floor(pixels / COLOUR_SAMPLES));
  const seen = new Set<number>();
  for (let pixel = 0; pixel < pixels; pixel += step) {
    const offset = pixel * raw.channels;
    seen.add(((raw.data[offset] ?? 0) << 16) | ((raw.data[offset + 1] ?? 0) << 8) | (raw.data[offset + 2] ?? 0));
    if (seen.size > FEW_COLOURS) return false;
  }
  return true;
}
