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

/**
 * Letter-like blobs of one polarity: 8-connected pixels lighter (or darker) than their surroundings by CONTRAST
 * (`mask`, from strokeMasks), of a letter's size and shape (2.5%..30% of the height, not a line or a speck, partly
 * filling its box), even in tone.
 */
export function glyphsOf(plane: GreyPlane, polarity: 'light' | 'dark', mask: Uint8Array): Glyph[] {
  const { width, height, data } = plane;
  const seen = new Uint8Array(width * height);
  const glyphs: Glyph[] = [];
  // Typed, and sized for the worst case (each pixel is stacked at most once): the fill visits every stroke pixel.
  const stack = new Int32Array(width * height);
  const values = new Float32Array(width * height);
  const minHeight = Math.max(7, 0.02 * height);
  const maxHeight = 0.3 * height;
  for (let start = 0; start < mask.length; start += 1) {
    if (!mask[start] || seen[start]) continue;
    let [x0, y0, x1, y1] = [width, height, -1, -1];
    let count = 0;
    let top = 0;
    seen[start] = 1;
    stack[top++] = start;
    while (top > 0) {
      const index = stack[--top]!;
      const x = index % width;
      const y = (index - x) / width;
      values[count++] = data[index]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy += 1) {
        const row = y + dy;
        if (row < 0 || row >= height) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          const column = x + dx;
          if (column < 0 || column >= width) continue;
          const next = row * width + column;
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
  values.sort((a, b) => (polarity === 'light' ? b - a : a - b));
  const half = Math.max(1, Math.ceil(values.length * CORE_SHARE));
  let sum = 0;
  let squares = 0;
  for (let index = 0; index < half; index += 1) {
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
  const sums = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y += 1) {
    let row = 0;
    for (let x = 0; x < width; x += 1) {
      row += data[y * width + x]!;
      sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1]! + row;
    }
  }
  const light = new Uint8Array(width * height);
  const dark = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(height, y + radius + 1);
    for (let x = 0; x < width; x += 1) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(width, x + radius + 1);
      const total = sums[y1 * (width + 1) + x1]! - sums[y0 * (width + 1) + x1]! - sums[y1 * (width + 1) + x0]! + sums[y0 * (width + 1) + x0]!;
      const mean = total / ((x1 - x0) * (y1 - y0));
      const difference = data[y * width + x]! - mean;
      if (difference > CONTRAST) light[y * width + x] = 1;
      else if (-difference > CONTRAST) dark[y * width + x] = 1;
    }
  }
  return { light, dark };
}
