import type { RawImage } from '../../decode/types';
import type { Box } from '../../local/geometry';

/**
 * Where a Gaussian's kernel is cut: libvips (sharp's blur) keeps taps down to a fifth of the peak, so the backdrop
 * keeps the softness it had when sharp blurred it.
 */
const MIN_AMPLITUDE = 0.2;

/**
 * A box of `image` scaled to width x height by averaging (each cell the mean of the pixels it spans; at least the
 * one it falls on, so a box smaller than the result still fills every cell), as floats. RGBA colours come out
 * premultiplied by alpha (as libvips resizes and blurs them), so a transparent pixel's hidden colour does not bleed.
 */
export function averageInto(image: RawImage, box: Box, width: number, height: number): Float32Array {
  const { channels } = image;
  const columns = spans(box.left, box.width, width);
  const rows = spans(box.top, box.height, height);
  // Across first (each box row to `width` cells), then down.
  const across = new Float32Array(box.height * width * channels);
  for (let y = 0; y < box.height; y += 1) {
    const sourceRow = (box.top + y) * image.width;
    for (let x = 0; x < width; x += 1) {
      const from = columns[2 * x]!;
      const to = columns[2 * x + 1]!;
      for (let c = 0; c < channels; c += 1) {
        let sum = 0;
        for (let column = from; column < to; column += 1) {
          const at = (sourceRow + column) * channels;
          sum += channels === 4 && c < 3 ? (image.data[at + c]! * image.data[at + 3]!) / 255 : image.data[at + c]!;
        }
        across[(y * width + x) * channels + c] = sum / (to - from);
      }
    }
  }
  const out = new Float32Array(width * height * channels);
  const rowLength = width * channels;
  for (let y = 0; y < height; y += 1) {
    const from = rows[2 * y]! - box.top;
    const to = rows[2 * y + 1]! - box.top;
    for (let index = 0; index < rowLength; index += 1) {
      let sum = 0;
      for (let row = from; row < to; row += 1) sum += across[row * rowLength + index]!;
      out[y * rowLength + index] = sum / (to - from);
    }
  }
  return out;
}

/** For each of `cells` cells over [start, start + length): the first and the past-last source position it averages. */
function spans(start: number, length: number, cells: number): Int32Array {
  const out = new Int32Array(2 * cells);
  const scale = length / cells;
  for (let cell = 0; cell < cells; cell += 1) {
    const from = Math.min(length - 1, Math.floor(cell * scale));
    out[2 * cell] = start + from;
    out[2 * cell + 1] = start + Math.max(from + 1, Math.min(length, Math.floor((cell + 1) * scale)));
  }
  return out;
}

/** Gaussian blur of interleaved floats, in place: separable, edges extended by copying (as libvips does). */
export function gaussianBlur(values: Float32Array, width: number, height: number, channels: number, sigma: number): void {
  const radius = Math.max(0, Math.floor(sigma * Math.sqrt(-2 * Math.log(MIN_AMPLITUDE))));
  const taps = new Float32Array(2 * radius + 1);
  let total = 0;
  for (let offset = -radius; offset <= radius; offset += 1) total += taps[offset + radius] = Math.exp(-(offset * offset) / (2 * sigma * sigma));
  for (let index = 0; index < taps.length; index += 1) taps[index]! /= total;
  const line = new Float32Array(Math.max(width, height) * channels);
  // One pass along rows (lines `width * channels` apart, positions `channels` apart), one along columns.
  const pass = (count: number, length: number, lineStride: number, step: number): void => {
    for (let which = 0; which < count; which += 1) {
      const base = which * lineStride;
      for (let position = 0; position < length; position += 1) {
        for (let c = 0; c < channels; c += 1) {
          let sum = 0;
          for (let offset = -radius; offset <= radius; offset += 1) {
            const from = position + offset < 0 ? 0 : position + offset >= length ? length - 1 : position + offset;
            sum += taps[offset + radius]! * values[base + from * step + c]!;
          }
          line[position * channels + c] = sum;
        }
      }
      for (let position = 0; position < length; position += 1) {
        for (let c = 0; c < channels; c += 1) values[base + position * step + c] = line[position * channels + c]!;
      }
    }
  };
  pass(height, width, width * channels, channels);
  pass(width, height, channels, width * channels);
}
