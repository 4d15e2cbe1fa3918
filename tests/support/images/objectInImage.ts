import type { SceneSpec } from './subjectScene';
import { OBJECT_COLOUR } from './subjectScene';

/** Where the scene's object shows in an image: its pixel count and bounding box (inclusive bounds). */
export interface FoundObject {
  readonly pixels: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * Finds the object's pixels by colour (close to its magenta; no scene background qualifies, its green is always
 * high) in decoded interleaved 8-bit pixels; null when none shows. Green is tested first: it rejects almost every
 * background pixel at once, which keeps scans of 2560x1440 outputs quick.
 */
export function findObject(data: Uint8Array, width: number, height: number, channels: number): FoundObject | null {
  const [red, , blue] = OBJECT_COLOUR;
  let pixels = 0;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y += 1) {
    let offset = y * width * channels;
    for (let x = 0; x < width; x += 1, offset += channels) {
      if (data[offset + 1]! >= 80) continue;
      if (Math.abs(data[offset]! - red) >= 50 || Math.abs(data[offset + 2]! - blue) >= 50) continue;
      pixels += 1;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return pixels === 0 ? null : { pixels, x0, y0, x1, y1 };
}

/**
 * Why the object is not whole in an output of the given size, or null when it is. A cut object touches the cut
 * edge, or loses its shape: its visible box no longer has the object's aspect ratio, or a disc stops filling its
 * box like a disc. A pad that reflected the object into the padding would also change the box.
 */
export function objectCutReason(found: FoundObject | null, width: number, height: number, spec: SceneSpec): string | null {
  if (!found) return 'object not visible';
  if (found.x0 === 0 || found.y0 === 0 || found.x1 === width - 1 || found.y1 === height - 1) return 'object touches the output edge';
  const boxWidth = found.x1 - found.x0 + 1;
  const boxHeight = found.y1 - found.y0 + 1;
  const expectedAspect = spec.shape === 'disc' ? 1 : spec.objectWidth / spec.objectHeight;
  const aspect = boxWidth / boxHeight;
  // Two pixels of slack on each side for edge blending at small sizes.
  const aspectLow = (boxWidth - 2) / (boxHeight + 2);
  const aspectHigh = (boxWidth + 2) / Math.max(1, boxHeight - 2);
  if (expectedAspect < aspectLow * 0.88 || expectedAspect > aspectHigh * 1.12) {
    return `object box ${boxWidth}x${boxHeight} has aspect ${aspect.toFixed(2)}, expected ${expectedAspect.toFixed(2)}`;
  }
  const fill = found.pixels / (boxWidth * boxHeight);
  const expectedFill = spec.shape === 'disc' ? Math.PI / 4 : 1;
  if (Math.abs(fill - expectedFill) > 0.15) return `object fills ${fill.toFixed(2)} of its box, expected ${expectedFill.toFixed(2)}`;
  return null;
}
