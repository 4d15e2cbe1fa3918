import type { Box } from '../../../electron/engine/local/geometry';

/** Interleaved 8-bit pixels (RGB or RGBA). */
export interface Pixels {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

/**
 * Streak energy of a fill in the band (`band` pixels deep) around the placed image: per band pixel, how much more
 * it changes along the image edge than away from it (a stretched edge pixel changes along it and not at all away
 * from it: a streak), averaged and divided by the image's own mean gradient inside the same depth (so a busy photo
 * is not blamed for being busy). Near 0 for a blur or a smooth extension; around 0.5 and more for streaks.
 */
export function streakEnergy(image: Pixels, placement: Box, band = 16): number {
  const luma = (x: number, y: number): number => {
    const offset = (y * image.width + x) * image.channels;
    return 0.299 * image.data[offset]! + 0.587 * image.data[offset + 1]! + 0.114 * image.data[offset + 2]!;
  };
  let excess = 0;
  let count = 0;
  let inside = 0;
  let insideCount = 0;
  const right = placement.left + placement.width;
  const bottom = placement.top + placement.height;
  // Left and right bands: "along the edge" is vertical.
  for (const [from, to, inFrom, inTo] of [
    [Math.max(1, placement.left - band), placement.left - 1, placement.left + 1, Math.min(right - 1, placement.left + band)],
    [right + 1, Math.min(image.width - 2, right + band), Math.max(placement.left + 1, right - band), right - 2],
  ] as const) {
    for (let y = placement.top + 1; y < bottom - 1; y += 1) {
      for (let x = from; x <= to; x += 1) {
        excess += Math.max(0, Math.abs(luma(x, y + 1) - luma(x, y - 1)) - Math.abs(luma(x + 1, y) - luma(x - 1, y)));
        count += 1;
      }
      for (let x = inFrom; x <= inTo; x += 1) {
        inside += Math.abs(luma(x, y + 1) - luma(x, y - 1)) + Math.abs(luma(x + 1, y) - luma(x - 1, y));
        insideCount += 1;
      }
    }
  }
  // Top and bottom bands: "along the edge" is horizontal.
  for (const [from, to, inFrom, inTo] of [
    [Math.max(1, placement.top - band), placement.top - 1, placement.top + 1, Math.min(bottom - 1, placement.top + band)],
    [bottom + 1, Math.min(image.height - 2, bottom + band), Math.max(placement.top + 1, bottom - band), bottom - 2],
  ] as const) {
    for (let x = placement.left + 1; x < right - 1; x += 1) {
      for (let y = from; y <= to; y += 1) {
        excess += Math.max(0, Math.abs(luma(x + 1, y) - luma(x - 1, y)) - Math.abs(luma(x, y + 1) - luma(x, y - 1)));
        count += 1;
      }
      for (let y = inFrom; y <= inTo; y += 1) {
        inside += Math.abs(luma(x, y + 1) - luma(x, y - 1)) + Math.abs(luma(x + 1, y) - luma(x - 1, y));
        insideCount += 1;
      }
    }
  }
  if (count === 0 || insideCount === 0) return 0;
  return excess / count / Math.max(1, inside / insideCount / 2);
}

/**
 * The mean luma step across the placed image's border (the pixel just outside against the one just inside), over
 * the image's own mean step between neighbouring pixels at the same place: about 1 when the fill continues the
 * image, higher where a seam shows.
 */
export function seamStep(image: Pixels, placement: Box): number {
  const luma = (x: number, y: number): number => {
    const offset = (y * image.width + x) * image.channels;
    return 0.299 * image.data[offset]! + 0.587 * image.data[offset + 1]! + 0.114 * image.data[offset + 2]!;
  };
  let across = 0;
  let within = 0;
  let count = 0;
  const right = placement.left + placement.width;
  for (let y = placement.top; y < placement.top + placement.height; y += 1) {
    if (placement.left >= 1) {
      across += Math.abs(luma(placement.left - 1, y) - luma(placement.left, y));
      within += Math.abs(luma(placement.left, y) - luma(placement.left + 1, y));
      count += 1;
    }
    if (right < image.width) {
      across += Math.abs(luma(right, y) - luma(right - 1, y));
      within += Math.abs(luma(right - 1, y) - luma(right - 2, y));
      count += 1;
    }
  }
  return count === 0 ? 0 : across / Math.max(1, within);
}
