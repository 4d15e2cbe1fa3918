import type { Box } from '../../local/geometry';
import type { Canvas } from './canvasPixels';

/** Image rows (or columns) averaged into the edge profile that is carried outward: one would carry noise. */
const EDGE_DEPTH = 3;

/** Smoothing radius along the edge at `distance` pixels out: grows fast, so no streak outlives a few pixels. */
function radiusAt(distance: number): number {
  return Math.round(1 + 2 * distance);
}

/**
 * The `extend` fill, in place: the fitted image's edges carried outward, each step out smoothed more along the edge.
 * Right at the image it continues the edge colours (no seam); a little further it is a soft gradient of them (no
 * streaks, and nothing mirrored, so no backwards text). Left and right first (rows the image spans), then top and
 * bottom over the full width, which fills the corners from the already extended sides.
 */
export function extendEdges(canvas: Canvas, placement: Box): void {
  const { width, height, channels } = canvas;
  const right = placement.left + placement.width;
  const bottom = placement.top + placement.height;
  for (const side of ['left', 'right'] as const) {
    const depth = side === 'left' ? placement.left : width - right;
    if (depth <= 0) continue;
    const profile = edgeProfile(canvas, 'column', side === 'left' ? placement.left : right - 1, side === 'left' ? 1 : -1, placement.top, bottom);
    const sums = prefixSums(profile, channels);
    for (let distance = 1; distance <= depth; distance += 1) {
      const x = side === 'left' ? placement.left - distance : right - 1 + distance;
      const radius = radiusAt(distance);
      for (let y = placement.top; y < bottom; y += 1) {
        writeAverage(canvas.data, (y * width + x) * channels, sums, y - placement.top - radius, y - placement.top + radius, placement.height, channels);
      }
    }
  }
  for (const side of ['top', 'bottom'] as const) {
    const depth = side === 'top' ? placement.top : height - bottom;
    if (depth <= 0) continue;
    const profile = edgeProfile(canvas, 'row', side === 'top' ? placement.top : bottom - 1, side === 'top' ? 1 : -1, 0, width);
    const sums = prefixSums(profile, channels);
    for (let distance = 1; distance <= depth; distance += 1) {
      const y = side === 'top' ? placement.top - distance : bottom - 1 + distance;
      const radius = radiusAt(distance);
      for (let x = 0; x < width; x += 1) writeAverage(canvas.data, (y * width + x) * channels, sums, x - radius, x + radius, width, channels);
    }
  }
}

/**
 * The mean of EDGE_DEPTH lines inward from `start` (a column or row index), over positions [from, to) along it.
 */
function edgeProfile(canvas: Canvas, line: 'row' | 'column', start: number, inward: 1 | -1, from: number, to: number): Float64Array {
  const { width, channels, data } = canvas;
  const limit = line === 'column' ? canvas.width : canvas.height;
  const profile = new Float64Array((to - from) * channels);
  let lines = 0;
  for (let step = 0; step < EDGE_DEPTH; step += 1) {
    const index = start + inward * step;
    if (index < 0 || index >= limit) break;
    lines += 1;
    for (let along = from; along < to; along += 1) {
      const offset = line === 'column' ? (along * width + index) * channels : (index * width + along) * channels;
      for (let channel = 0; channel < channels; channel += 1) profile[(along - from) * channels + channel]! += data[offset + channel]!;
    }
  }
  for (let index = 0; index < profile.length; index += 1) profile[index]! /= Math.max(1, lines);
  return profile;
}

function prefixSums(profile: Float64Array, channels: number): Float64Array {
  const sums = new Float64Array(profile.length + channels);
  for (let index = 0; index < profile.length; index += 1) sums[index + channels] = sums[index]! + profile[index]!;
  return sums;
}

/** Writes the mean of profile positions [from, to] (clamped to [0, length)) at `offset`. */
function writeAverage(data: Buffer, offset: number, sums: Float64Array, from: number, to: number, length: number, channels: number): void {
  const start = Math.max(0, from);
  const end = Math.min(length - 1, to);
  const count = end - start + 1;
  for (let channel = 0; channel < channels; channel += 1) {
    data[offset + channel] = Math.round((sums[(end + 1) * channels + channel]! - sums[start * channels + channel]!) / count);
  }
}

/**
 * Blends the extended fill into `backdrop` with distance from the placement: all extension at the picture's edge
 * (no seam), all backdrop from an eighth of the picture's short side out (at least 16 pixels), smoothstep between.
 */
export function easeIntoBackdrop(canvas: Canvas, backdrop: Buffer, placement: Box): void {
  const { width, height, channels, data } = canvas;
  const reach = Math.max(16, 0.12 * Math.min(placement.width, placement.height));
  const right = placement.left + placement.width;
  const bottom = placement.top + placement.height;
  for (let y = 0; y < height; y += 1) {
    const dy = y < placement.top ? placement.top - y : y >= bottom ? y - bottom + 1 : 0;
    for (let x = 0; x < width; x += 1) {
      const dx = x < placement.left ? placement.left - x : x >= right ? x - right + 1 : 0;
      if (dx === 0 && dy === 0) {
        x = right - 1;
        continue;
      }
      const t = Math.min(1, Math.hypot(dx, dy) / reach);
      const keep = 1 - t * t * (3 - 2 * t);
      const offset = (y * width + x) * channels;
      for (let channel = 0; channel < channels; channel += 1) {
        data[offset + channel] = Math.round(backdrop[offset + channel]! + (data[offset + channel]! - backdrop[offset + channel]!) * keep);
      }
    }
  }
}
