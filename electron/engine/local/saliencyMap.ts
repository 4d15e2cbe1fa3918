import { toLabPlanes } from './labColour';
import { quantile } from './stats';

/** A small image as the saliency code reads it: interleaved 8-bit sRGB(A). */
export interface Thumbnail {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

/** Colour distance (Lab) below which the whole image counts as one flat colour: no subject to find. */
const FLAT_COLOUR_DISTANCE = 6;
/** Edge energy (Lab L units per pixel) below which the image has no structure either. */
const FLAT_EDGE_ENERGY = 4;
/** Each side of the border ring is split into this many pieces, each giving one background colour sample. */
const SEGMENTS_PER_SIDE = 4;

/**
 * A per-pixel saliency map of a thumbnail, or null when there is nothing to find (fully transparent or flat).
 * Saliency = colour distinctness from the background (the colours found along the image border, sampled piecewise
 * so a sky above grass is two backgrounds, not a subject) plus edge energy above the border's own texture level,
 * weighted by opacity and a light centre prior. Subjects in product and ad photos are distinct from their
 * surroundings and rarely touch every edge, which is what this measures.
 */
export function saliencyMap(thumb: Thumbnail): Float32Array | null {
  const { width, height, channels } = thumb;
  const count = width * height;
  const alpha = opacity(thumb);
  if (alpha.reduce((sum, value) => sum + value, 0) < count * 0.005) return null;
  const [lightness, greenRed, blueYellow] = toLabPlanes(thumb.data, count, channels);
  const ring = borderRing(width, height);

  const distinct = colourDistinctness(thumb, ring, alpha, [lightness, greenRed, blueYellow]);
  const edges = edgeEnergy(lightness, alpha, width, height);
  const edgeFloor = quantile(ring.flat().map((index) => edges[index]!), 0.9);
  for (let index = 0; index < count; index += 1) edges[index] = Math.max(0, edges[index]! - edgeFloor);

  const distinctScale = quantile(distinct, 0.99);
  const edgeScale = quantile(edges, 0.99);
  if (distinctScale < FLAT_COLOUR_DISTANCE && edgeScale < FLAT_EDGE_ENERGY) return null;

  const saliency = new Float32Array(count);
  for (let y = 0; y < height; y += 1) {
    const dy = (y + 0.5) / height - 0.5;
    for (let x = 0; x < width; x += 1) {
      const dx = (x + 0.5) / width - 0.5;
      const centrePrior = 1 - 0.5 * (dx * dx + dy * dy);
      const index = y * width + x;
      const value = 0.65 * (distinct[index]! / Math.max(distinctScale, 15)) + 0.35 * (edges[index]! / Math.max(edgeScale, 10));
      saliency[index] = value * centrePrior;
    }
  }
  return saliency;
}

type LabColour = [number, number, number];

/** Border colours closer than this (Lab) are the same background seen in two places. */
const SAME_BACKGROUND_DISTANCE = 25;
/** A border colour must be seen on at least this many segments to count as background. */
const MIN_BACKGROUND_SEGMENTS = 3;

/**
 * The border colours that recur along the border. A subject that reaches the edge shows up on one or two segments
 * only; counting it as background would make the subject itself look ordinary. When nothing recurs (a busy border)
 * every sample is kept.
 */
function sharedColours(colours: LabColour[]): LabColour[] {
  const distance = (a: LabColour, b: LabColour): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  const shared = colours.filter(
    (colour) => colours.filter((other) => distance(colour, other) < SAME_BACKGROUND_DISTANCE).length >= MIN_BACKGROUND_SEGMENTS,
  );
  return shared.length > 0 ? shared : colours;
}

function opacity(thumb: Thumbnail): Float32Array {
  const count = thumb.width * thumb.height;
  const alpha = new Float32Array(count).fill(1);
  if (thumb.channels === 4) for (let index = 0; index < count; index += 1) alpha[index] = thumb.data[index * 4 + 3]! / 255;
  return alpha;
}

/** Pixel indices of the border ring (6% of the short side, at least 1 pixel), grouped into segments. */
function borderRing(width: number, height: number): number[][] {
  const thickness = Math.max(1, Math.round(0.06 * Math.min(width, height)));
  const segments: number[][] = Array.from({ length: SEGMENTS_PER_SIDE * 4 }, () => []);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const side = y < thickness ? 0 : y >= height - thickness ? 1 : x < thickness ? 2 : x >= width - thickness ? 3 : -1;
      if (side < 0) continue;
      const along = side < 2 ? x / width : y / height;
      segments[side * SEGMENTS_PER_SIDE + Math.min(SEGMENTS_PER_SIDE - 1, Math.floor(along * SEGMENTS_PER_SIDE))]!.push(y * width + x);
    }
  }
  return segments;
}

/** Lab distance of each pixel to the nearest background sample; a mostly transparent segment is its own class. */
function colourDistinctness(
  thumb: Thumbnail,
  ring: number[][],
  alpha: Float32Array,
  planes: [Float32Array, Float32Array, Float32Array],
): Float32Array {
  const samples: Array<LabColour | 'transparent'> = [];
  const colours: LabColour[] = [];
  for (const segment of ring) {
    const opaque = segment.filter((index) => alpha[index]! > 0.5);
    if (opaque.length < segment.length / 2) samples.push('transparent');
    if (opaque.length >= 3) colours.push([0, 1, 2].map((plane) => quantile(opaque.map((i) => planes[plane]![i]!), 0.5)) as LabColour);
  }
  samples.push(...sharedColours(colours));
  // Anything opaque is far from a transparent background (distance 100); the alpha weighting below scales it.
  const nearestTransparent = samples.includes('transparent') ? 100 * 100 : Infinity;
  const colourSamples = samples.filter((sample): sample is LabColour => sample !== 'transparent');
  const count = thumb.width * thumb.height;
  const [lightness, greenRed, blueYellow] = planes;
  const distinct = new Float32Array(count);
  for (let index = 0; index < count; index += 1) {
    let nearest = nearestTransparent;
    for (const [l, a, b] of colourSamples) {
      const squared = (lightness[index]! - l) ** 2 + (greenRed[index]! - a) ** 2 + (blueYellow[index]! - b) ** 2;
      if (squared < nearest) nearest = squared;
    }
    distinct[index] = (nearest === Infinity ? 0 : Math.sqrt(nearest)) * alpha[index]!;
  }
  return distinct;
}

/** Sobel gradient magnitude of lightness times opacity (so opacity edges count), then a 3x3 box blur. */
function edgeEnergy(lightness: Float32Array, alpha: Float32Array, width: number, height: number): Float32Array {
  const visible = new Float32Array(width * height);
  for (let index = 0; index < visible.length; index += 1) visible[index] = lightness[index]! * alpha[index]!;
  const gradient = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    // Clamped neighbour rows and columns: the border repeats itself, as if the image went on.
    const up = Math.max(0, y - 1) * width;
    const row = y * width;
    const down = Math.min(height - 1, y + 1) * width;
    for (let x = 0; x < width; x += 1) {
      const left = Math.max(0, x - 1);
      const right = Math.min(width - 1, x + 1);
      const gx = visible[up + right]! + 2 * visible[row + right]! + visible[down + right]! - visible[up + left]! - 2 * visible[row + left]! - visible[down + left]!;
      const gy = visible[down + left]! + 2 * visible[down + x]! + visible[down + right]! - visible[up + left]! - 2 * visible[up + x]! - visible[up + right]!;
      gradient[row + x] = Math.sqrt(gx * gx + gy * gy) / 8;
    }
  }
  const smoothed = new Float32Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) {
          sum += gradient[Math.min(height - 1, Math.max(0, y + dy)) * width + Math.min(width - 1, Math.max(0, x + dx))]!;
        }
      }
      smoothed[y * width + x] = sum / 9;
    }
  }
  return smoothed;
}
