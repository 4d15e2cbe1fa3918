import type { RawImage } from '../decode/types';
import type { Box } from './geometry';

/**
 * The placed image on a full canvas, its padding filled by mirroring the image outward. Only the band between the
 * image edge and the subject is mirrored (repeatedly, like a reflection in two facing mirrors), so the subject is
 * never copied into the padding. The band is at least `minBandShare` of the side: a subject right at the edge would
 * leave one pixel, stretched into streaks (a share of 0 gives that old behaviour, kept for the seam test).
 */
export function mirrorTile(fitted: RawImage, placement: Box, canvas: { width: number; height: number }, subject: Box, minBandShare = 0): Buffer {
  const minX = Math.max(1, Math.round(minBandShare * fitted.width));
  const minY = Math.max(1, Math.round(minBandShare * fitted.height));
  const columns = axisMap(canvas.width, placement.left, fitted.width, subject.left - placement.left, subject.left + subject.width - placement.left, minX);
  const rows = axisMap(canvas.height, placement.top, fitted.height, subject.top - placement.top, subject.top + subject.height - placement.top, minY);
  const channels = fitted.channels;
  const out = Buffer.allocUnsafe(canvas.width * canvas.height * channels);
  let target = 0;
  for (let y = 0; y < canvas.height; y += 1) {
    const rowStart = rows[y]! * fitted.width;
    for (let x = 0; x < canvas.width; x += 1) {
      const source = (rowStart + columns[x]!) * channels;
      for (let channel = 0; channel < channels; channel += 1) out[target++] = fitted.data[source + channel]!;
    }
  }
  return out;
}

/**
 * For each canvas position along one axis, the image position it shows: itself inside the image, a reflection
 * within the band [0, subjectStart) before it, within [subjectEnd, length) after it (bands at least minBand pixels).
 */
function axisMap(canvasLength: number, offset: number, length: number, subjectStart: number, subjectEnd: number, minBand: number): Int32Array {
  const before = Math.min(length, Math.max(minBand, subjectStart));
  const after = Math.min(length, Math.max(minBand, length - subjectEnd));
  const map = new Int32Array(canvasLength);
  for (let position = 0; position < canvasLength; position += 1) {
    const inside = position - offset;
    if (inside < 0) map[position] = reflect(-inside - 1, before);
    else if (inside >= length) map[position] = length - 1 - reflect(inside - length, after);
    else map[position] = inside;
  }
  return map;
}

/** Position `distance` steps past the edge of a band of `band` pixels, bouncing between its two ends. */
function reflect(distance: number, band: number): number {
  const phase = distance % (2 * band);
  return phase < band ? phase : 2 * band - 1 - phase;
}
