import type { Box } from '../../local/geometry';

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
  const out = Buffer.allocUnsafe(height * rowLength);
  // A clamped view rounds each blended value on store (no Math.round per sample: this loop is the cost).
  const clamped = new Uint8ClampedArray(out.buffer, out.byteOffset, out.length);
  const row = axis(small.height, height);
  for (let y = 0; y < height; y += 1) {
    const upper = across.subarray(row.low[y]! * rowLength, (row.low[y]! + 1) * rowLength);
    const lower = across.subarray(row.high[y]! * rowLength, (row.high[y]! + 1) * rowLength);
    const weight = row.weight[y]!;
    const target = clamped.subarray(y * rowLength, (y + 1) * rowLength);
    const hidden = covered !== undefined && y >= covered.top && y < covered.top + covered.height;
    const skipFrom = hidden ? covered.left * channels : rowLength;
    const skipTo = hidden ? (covered.left + covered.width) * channels : rowLength;
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
