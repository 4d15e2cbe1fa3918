import type { Box } from '../../local/geometry';
import type { Canvas } from './canvasPixels';

/** Border ring of the fitted image sampled for its dominant colour, as a share of its short side (>= 1 px). */
const RING_SHARE = 0.03;

/**
 * The most common colour along the fitted image's border (colours binned to 4 bits per channel, the fullest bin
 * averaged): the colour a designer would pick to extend a studio backdrop. Opaque for RGBA canvases.
 */
export function dominantEdgeColour(canvas: Canvas, placement: Box): number[] {
  const { width, channels, data } = canvas;
  const ring = Math.max(1, Math.round(RING_SHARE * Math.min(placement.width, placement.height)));
  const bins = new Map<number, { count: number; sum: [number, number, number] }>();
  const add = (x: number, y: number): void => {
    const offset = (y * width + x) * channels;
    const r = data[offset]!;
    const g = data[offset + 1]!;
    const b = data[offset + 2]!;
    const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    const bin = bins.get(key) ?? { count: 0, sum: [0, 0, 0] as [number, number, number] };
    bin.count += 1;
    bin.sum[0] += r;
    bin.sum[1] += g;
    bin.sum[2] += b;
    bins.set(key, bin);
  };
  const right = placement.left + placement.width;
  const bottom = placement.top + placement.height;
  for (let y = placement.top; y < bottom; y += 1) {
    const edgeRow = y < placement.top + ring || y >= bottom - ring;
    if (edgeRow) {
      for (let x = placement.left; x < right; x += 1) add(x, y);
      continue;
    }
    for (let x = placement.left; x < Math.min(right, placement.left + ring); x += 1) add(x, y);
    for (let x = Math.max(placement.left + ring, right - ring); x < right; x += 1) add(x, y);
  }
  let best = { count: 0, sum: [255, 255, 255] as [number, number, number] };
  for (const bin of bins.values()) if (bin.count > best.count) best = bin;
  const colour = best.sum.map((sum) => Math.round(sum / Math.max(1, best.count)));
  return channels === 4 ? [...colour, 255] : colour;
}

/** `#rrggbb` as channel values (opaque for RGBA), or undefined when it is not such a colour. */
export function parseHexColour(text: string | undefined, channels: 3 | 4): number[] | undefined {
  const match = text ? /^#?([0-9a-f]{6})$/i.exec(text.trim()) : null;
  if (!match) return undefined;
  const value = Number.parseInt(match[1]!, 16);
  const colour = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return channels === 4 ? [...colour, 255] : colour;
}

/** Paints every canvas pixel outside the placement with one colour, in place. */
export function paintOutside(canvas: Canvas, placement: Box, colour: readonly number[]): void {
  const { width, height, channels, data } = canvas;
  for (let y = 0; y < height; y += 1) {
    const insideRow = y >= placement.top && y < placement.top + placement.height;
    for (let x = 0; x < width; x += 1) {
      if (insideRow && x >= placement.left && x < placement.left + placement.width) {
        x = placement.left + placement.width - 1;
        continue;
      }
      const offset = (y * width + x) * channels;
      for (let channel = 0; channel < channels; channel += 1) data[offset + channel] = colour[channel]!;
    }
  }
}
