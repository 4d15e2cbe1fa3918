import type { Box } from '../../local/geometry';

/** How far (in levels, before rounding) a copied row may be from the exact blend of its own row. */
const ROW_TOLERANCE = 0.5;

/** Interleaved 8-bit pixels of a small, already smooth image (a blurred backdrop). */
export interface SmallImage {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

/**
 * Scales a smooth image up to width x height, bilinear, with pixel centres aligned as libvips aligns them. For a
 * blurred backdrop nothing finer than the interpolation is left to lose, and this costs a few milliseconds where
 * libvips' lanczos enlargement of a 96 px image to a 1080x1920 canvas costs about 50-100 ms of CPU: the backdrop
 * was the largest part of a padded size's render. Rows are interpolated once across (small), then each output row is
 * a blend of two of them. Pixels inside `covered` (where the fitted image will be pasted) are left unset.
 * An output row is copied from the last one made while no value can have moved by more than ROW_TOLERANCE since
 * (the steepest change between the two small rows bounds it): every pixel stays within one level of the exact
 * blend, and a smooth backdrop's rows, several per level of change, cost a copy instead of a blend.
 */
export function upscaleSmooth(small: SmallImage, width: number, height: number, covered?: Box): Buffer {
  const { channels } = small;
  const rowLength = width * channels;
  // Each small row stretched across the output width.
  const across = new Float32Array(small.height * rowLength);
  const column = axis(small.width, width);
  for (let y = 0; y < small.height; y += 1) {
    const sourceRow = y * small.width * channels;
    const targetRow = y * rowLength;
    for (let x = 0; x < width; x += 1) {
      const left = sourceRow + column.low[x]! * channels;
      const right = sourceRow + column.high[x]! * channels;
      const weight = column.weight[x]!;
      for (let c = 0; c < channels; c += 1) {
        const a = small.data[left + c]!;
        across[targetRow + x * channels + c] = a + (small.data[right + c]! - a) * weight;
      }
    }
  }
  // The most any value changes from one small row to the next (none past the last: rows there are clamped).
  const rise = new Float32Array(small.height);
  for (let y = 0; y + 1 < small.height; y += 1) {
    let most = 0;
    for (let index = y * rowLength; index < (y + 1) * rowLength; index += 1) most = Math.max(most, Math.abs(across[index + rowLength]! - across[index]!));
    rise[y] = most;
  }
  const out = Buffer.allocUnsafe(height * rowLength);
  // A clamped view rounds each blended value on store (no Math.round per sample: this loop is the cost).
  const clamped = new Uint8ClampedArray(out.buffer, out.byteOffset, out.length);
  const row = axis(small.height, height);
  let made = { y: -1, low: -1, weight: 0, hidden: false };
  for (let y = 0; y < height; y += 1) {
    const low = row.low[y]!;
    const weight = row.weight[y]!;
    const hidden = covered !== undefined && y >= covered.top && y < covered.top + covered.height;
    const skipFrom = hidden ? covered.left * channels : rowLength;
    const skipTo = hidden ? (covered.left + covered.width) * channels : rowLength;
    const targetStart = y * rowLength;
    if (made.low === low && made.hidden === hidden && rise[low]! * (weight - made.weight) <= ROW_TOLERANCE) {
      const madeStart = made.y * rowLength;
      out.copy(out, targetStart, madeStart, madeStart + skipFrom);
      if (skipTo < rowLength) out.copy(out, targetStart + skipTo, madeStart + skipTo, madeStart + rowLength);
      continue;
    }
    made = { y, low, weight, hidden };
    const upper = across.subarray(low * rowLength, (low + 1) * rowLength);
    const lower = across.subarray(row.high[y]! * rowLength, (row.high[y]! + 1) * rowLength);
    const target = clamped.subarray(targetStart, targetStart + rowLength);
    for (let index = 0; index < skipFrom; index += 1) {
      const a = upper[index]!;
      target[index] = a + (lower[index]! - a) * weight;
    }
    for (let index = skipTo; index < rowLength; index += 1) {
      const a = upper[index]!;
      target[index] = a + (lower[index]! - a) * weight;
    }
  }
  return out;
}

/** For each output position along one axis: the two source positions around its centre and the far one's weight. */
function axis(sourceLength: number, targetLength: number): { low: Int32Array; high: Int32Array; weight: Float32Array } {
  const low = new Int32Array(targetLength);
  const high = new Int32Array(targetLength);
  const weight = new Float32Array(targetLength);
  const scale = sourceLength / targetLength;
  for (let index = 0; index < targetLength; index += 1) {
    const position = Math.min(sourceLength - 1, Math.max(0, (index + 0.5) * scale - 0.5));
    const base = Math.floor(position);
    low[index] = base;
    high[index] = Math.min(sourceLength - 1, base + 1);
    weight[index] = position - base;
  }
  return { low, high, weight };
}
