import { DEFAULT_SVG_LONG_SIDE } from './types';

/** sharp accepts densities from 1 to 100000 DPI; 72 DPI renders an SVG at its intrinsic size. */
const BASE_DENSITY = 72;
const MAX_DENSITY = 100_000;

/**
 * The DPI at which to rasterize an SVG of the given intrinsic size: scaled so its long side becomes `maxSide`
 * (a vector has no native resolution, so we render it as large as the biggest ad sizes can use), and scaled down
 * further if that would exceed the pixel limit.
 */
export function svgDensity(intrinsicWidth: number, intrinsicHeight: number, maxSide: number | undefined, pixelLimit: number): number {
  const longSide = Math.max(1, intrinsicWidth, intrinsicHeight);
  const wantedSide = maxSide !== undefined && maxSide >= 1 ? maxSide : DEFAULT_SVG_LONG_SIDE;
  let scale = wantedSide / longSide;
  const pixelsAtScale = intrinsicWidth * intrinsicHeight * scale * scale;
  // Rounding up each side can add a row and a column, so keep a little headroom under the limit.
  if (pixelsAtScale > pixelLimit * 0.98) scale *= Math.sqrt((pixelLimit * 0.98) / pixelsAtScale);
  return Math.min(MAX_DENSITY, Math.max(1, BASE_DENSITY * scale));
}
