import type { Box } from '../../local/geometry';

/** A grey (luma 0..255) plane of a thumbnail. */
export interface GreyPlane {
  readonly data: Float32Array;
  readonly width: number;
  readonly height: number;
}

/** A blob that could be a letter: its box, whether it is lighter or darker than around it, and its mean tone. */
export interface Glyph {
  readonly box: Box;
  readonly polarity: 'light' | 'dark';
  readonly tone: number;
  /** Share of its box the blob fills: letters are strokes (about a third to a half), pebbles and leaves solid. */
  readonly fill: number;
}

/** How far (luma) a stroke pixel stands from its surroundings' mean: type is set to be read. */
const CONTRAST = 30;
/** Radius of "its surroundings", as a share of the thumbnail's short side: wider than a thick stroke. */
const SURROUND_SHARE = 0.03;
/**
 * A letter's tone is even (solid-colour type): the spread of its core (the half of its pixels furthest from the
 * surroundings; the rest is anti-aliased edge, which spans every tone between type and background on thin strokes)
 * stays under this. A shaded pebble or leaf varies across its core too.
 */
const MAX_CORE_SPREAD = 24;
const CORE_SHARE = 0.33;

/** Working buffers of the blob fill, sized for the worst case (each pixel stacked at most once). */
export interface GlyphScratch {
  readonly seen: Uint8Array;
  readonly stack: Int32Array;
  readonly values: Float32Array;
}

/**
 * Buffers for glyphsOf on planes of `pixels` pixels. One set serves both polarities of a plane (their masks never
 * share a pixel, so one `seen` marks both) and every plane of a thumbnail once `seen` is cleared.
 */
export function glyphScratch(pixels: number): GlyphScratch {
  return { seen: new Uint8Array(pixels), stack: new Int32Array(pixels), values: new Float32Array(pixels) };
}

/**
 * Letter-like blobs of one polarity: 8-connected pixels lighter (or darker) than their surroundings by CONTRAST
 * (`mask`, from strokeMasks), of a letter's size and shape (2.5%..30% of the height, not a line or a speck, partly
 * filling its box), even in tone. `scratch` (glyphScratch) may be shared with the other polarity's call on the same
 * plane: pixels of this mask must be unmarked in its `seen`.
 */
export function glyphsOf(plane: GreyPlane, polarity: 'light' | 'dark', mask: Uint8Array, scratch: GlyphScratch = glyphScratch(plane.width * plane.height)): Glyph[] {
  const { width, height, data } = plane;
  const { seen, stack, values } = scratch;
  const glyphs: Glyph[] = [];
  const minHeight = Math.max(7, 0.02 * height);
  const maxHeight = 0.3 * height;
  for (let start = 0; start < mask.length; start += 1) {
    if (!mask[start] || seen[start]) continue;
    let [x0, y0, x1, y1] = [width, height, -1, -1];
    let count = 0;
    let top = 0;
    seen[start] = 1;
    stack[top++] = start;
    // The order pixels are visited in changes nothing: the box, count and sorted tones are the same.
    while (top > 0) {
      const index = stack[--top]!;
      const y = (index / width) | 0;
      const x = index - y * width;
      values[count++] = data[index]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      const fromX = x > 0 ? -1 : 0;
      const toX = x + 1 < width ? 1 : 0;
      const fromRow = y > 0 ? index - width : index;
      const toRow = y + 1 < height ? index + width : index;
      for (let row = fromRow; row <= toRow; row += width) {
        for (let next = row + fromX; next <= row + toX; next += 1) {
          if (mask[next] && !seen[next]) {
            seen[next] = 1;
            stack[top++] = next;
          }
        }
      }
    }
    const boxWidth = x1 - x0 + 1;
    const boxHeight = y1 - y0 + 1;
    if (boxHeight < minHeight || boxHeight > maxHeight) continue;
    if (boxWidth > 2.5 * boxHeight || boxWidth < 0.08 * boxHeight) continue;
    const fill = count / (boxWidth * boxHeight);
    if (fill < 0.15 || fill > 0.9) continue;
    const core = coreTone(values.subarray(0, count), polarity);
    if (core.spread > MAX_CORE_SPREAD) continue;
    const tone = core.mean;
    glyphs.push({ box: { left: x0, top: y0, width: boxWidth, height: boxHeight }, polarity, tone, fill });
  }
  return glyphs;
}

/** Mean and standard deviation of the half of a blob's values furthest from its surroundings. */
function coreTone(values: Float32Array, polarity: 'light' | 'dark'): { mean: number; spread: number } {
  // Ascending without a comparator (native, several times faster); the light core is read from the top down, so
  // both add the same values in the same order as a sort towards the core would.
  values.sort();
  const half = Math.max(1, Math.ceil(values.length * CORE_SHARE));
  const first = polarity === 'light' ? values.length - 1 : 0;
  const step = polarity === 'light' ? -1 : 1;
  let sum = 0;
  let squares = 0;
  for (let taken = 0, index = first; taken < half; taken += 1, index += step) {
    sum += values[index]!;
    squares += values[index]! * values[index]!;
  }
  const mean = sum / half;
  return { mean, spread: Math.sqrt(Math.max(0, squares / half - mean * mean)) };
}

/**
 * Pixels lighter, and pixels darker, than the mean of their surroundings by CONTRAST: both from one integral image
 * and one pass (the two polarities share every sum).
 */
export function strokeMasks(plane: GreyPlane): { light: Uint8Array; dark: Uint8Array } {
  const { data, width, height } = plane;
  const radius = Math.max(3, Math.round(SURROUND_SHARE * Math.min(width, height)));
  const stride = width + 1;
  const sums = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y += 1) {
    let row = 0;
    const above = y * stride + 1;
    const here = above + stride;
    const line = y * width;
    for (let x = 0; x < width; x += 1) {
      row += data[line + x]!;
      sums[here + x] = sums[above + x]! + row;
    }
  }
  const light = new Uint8Array(width * height);
  const dark = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(height, y + radius + 1);
    const upper = y0 * stride;
    const lower = y1 * stride;
    const rows = y1 - y0;
    const line = y * width;
    for (let x = 0; x < width; x += 1) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(width, x + radius + 1);
      const total = sums[lower + x1]! - sums[upper + x1]! - sums[lower + x0]! + sums[upper + x0]!;
      const mean = total / ((x1 - x0) * rows);
      const difference = data[line + x]! - mean;
      if (difference > CONTRAST) light[line + x] = 1;
      else if (-difference > CONTRAST) dark[line + x] = 1;
    }
  }
  return { light, dark };
}
