import type { Box } from './geometry';

/** Canvas layers of one padded output: same size and channel count, interleaved 8-bit. */
export interface Layers {
  /** The image placed in `placement`, mirrored outward over the rest: sharp, continuous at the image edge. */
  readonly mirrored: Buffer;
  /** The same, heavily blurred: the calm fill further out. */
  readonly blurred: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

/**
 * Writes into `layers.mirrored` the pad area's final pixels: right at the image edge the mirror (so the image
 * continues without a seam), fading over `feather` pixels into the blur (so the extension reads as background, not as a duplicated
 * photo). Pixels inside `placement` stay untouched: the original is never altered.
 */
export function featherIntoBlur(layers: Layers, placement: Box, feather: number): void {
  const { mirrored, blurred, width, height, channels } = layers;
  const right = placement.left + placement.width;
  const bottom = placement.top + placement.height;
  const rowBytes = width * channels;
  const blendPixel = (x: number, dy: number, rowOffset: number): void => {
    const dx = x < placement.left ? (placement.left - x) / feather : x >= right ? (x - right + 1) / feather : 0;
    const weight = mirrorWeight(Math.hypot(dx, dy));
    const offset = rowOffset + x * channels;
    for (let channel = 0; channel < channels; channel += 1) {
      const back = blurred[offset + channel]!;
      mirrored[offset + channel] = Math.round(back + (mirrored[offset + channel]! - back) * weight);
    }
  };
  for (let y = 0; y < height; y += 1) {
    // Distances are in feather widths: 1 means fully blurred.
    const dy = y < placement.top ? (placement.top - y) / feather : y >= bottom ? (y - bottom + 1) / feather : 0;
    const rowOffset = y * rowBytes;
    if (dy >= 1) {
      blurred.copy(mirrored, rowOffset, rowOffset, rowOffset + rowBytes);
      continue;
    }
    if (dy > 0) {
      for (let x = 0; x < width; x += 1) blendPixel(x, dy, rowOffset);
      continue;
    }
    for (let x = 0; x < placement.left; x += 1) blendPixel(x, 0, rowOffset);
    for (let x = right; x < width; x += 1) blendPixel(x, 0, rowOffset);
  }
}

/** 1 at the image edge, easing to 0 at one feather width out (smoothstep, so neither end shows a crease). */
function mirrorWeight(distance: number): number {
  if (distance >= 1) return 0;
  const t = 1 - distance;
  return t * t * (3 - 2 * t);
}
