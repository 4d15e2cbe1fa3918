import { otsuThreshold } from './stats';

/** A box in thumbnail pixels, inclusive bounds. */
export interface ThumbnailBounds {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Blobs with less than this share of the strongest blob's saliency mass are texture specks, not subject. */
const MIN_BLOB_MASS_SHARE = 0.2;

/**
 * The bounds of the salient blobs of a saliency map: pixels above Otsu's threshold (never below 30% of the peak),
 * grouped into 8-connected blobs; the union of every blob carrying a fair share of the strongest blob's mass.
 * A subject may come out in pieces (a person's face and shirt), so more than the biggest blob is kept.
 */
export function salientBounds(saliency: Float32Array, width: number, height: number): ThumbnailBounds | null {
  const peak = saliency.reduce((max, value) => Math.max(max, value), 0);
  if (peak <= 0) return null;
  const threshold = Math.max(otsuThreshold(saliency, peak), 0.3 * peak);
  const blobs = labelBlobs(saliency, threshold, width, height);
  const strongest = blobs.reduce((max, blob) => Math.max(max, blob.mass), 0);
  const kept = blobs.filter((blob) => blob.mass >= strongest * MIN_BLOB_MASS_SHARE);
  if (kept.length === 0) return null;
  return {
    x0: Math.min(...kept.map((blob) => blob.x0)),
    y0: Math.min(...kept.map((blob) => blob.y0)),
    x1: Math.max(...kept.map((blob) => blob.x1)),
    y1: Math.max(...kept.map((blob) => blob.y1)),
  };
}

interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  mass: number;
}

function labelBlobs(saliency: Float32Array, threshold: number, width: number, height: number): Blob[] {
  const visited = new Uint8Array(width * height);
  const blobs: Blob[] = [];
  const stack: number[] = [];
  for (let start = 0; start < saliency.length; start += 1) {
    if (visited[start] || saliency[start]! <= threshold) continue;
    const blob: Blob = { x0: width, y0: height, x1: -1, y1: -1, mass: 0 };
    visited[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const index = stack.pop()!;
      const x = index % width;
      const y = (index - x) / width;
      blob.mass += saliency[index]!;
      blob.x0 = Math.min(blob.x0, x);
      blob.y0 = Math.min(blob.y0, y);
      blob.x1 = Math.max(blob.x1, x);
      blob.y1 = Math.max(blob.y1, y);
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const next = ny * width + nx;
          if (!visited[next] && saliency[next]! > threshold) {
            visited[next] = 1;
            stack.push(next);
          }
        }
      }
    }
    blobs.push(blob);
  }
  return blobs;
}
