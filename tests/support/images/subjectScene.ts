import type { RawImage } from '../../../electron/engine/decode/types';
import type { Box } from '../../../electron/engine/local/geometry';

/** The object's colour: a saturated magenta no background pixel of these scenes comes near. */
export const OBJECT_COLOUR: readonly [number, number, number] = [225, 25, 190];

/** What a scene is made of, in source pixels. */
export interface SceneSpec {
  readonly width: number;
  readonly height: number;
  /** Object centre as fractions of the width and height. */
  readonly centreX: number;
  readonly centreY: number;
  /** Object size in pixels (a disc uses the width as its diameter). */
  readonly objectWidth: number;
  readonly objectHeight: number;
  readonly shape: 'disc' | 'rect';
  readonly seed: number;
}

/** A generated test image and where its object is. */
export interface SubjectScene {
  readonly spec: SceneSpec;
  readonly raw: RawImage;
  /** The object's bounding box in source pixels. */
  readonly object: Box;
}

/**
 * A distinct object (flat saturated magenta disc or rectangle, with slight noise) on a textured background: muted
 * green-grey-brown waves plus per-pixel noise, which has edge energy everywhere, so finding the object is not a
 * matter of finding the only edges. Deterministic for a given seed.
 */
export function makeSubjectScene(spec: SceneSpec): SubjectScene {
  const { width, height } = spec;
  const random = seededRandom(spec.seed);
  const data = Buffer.alloc(width * height * 3);
  const objectWidth = spec.objectWidth;
  const objectHeight = spec.shape === 'disc' ? spec.objectWidth : spec.objectHeight;
  const left = Math.round(spec.centreX * width - objectWidth / 2);
  const top = Math.round(spec.centreY * height - objectHeight / 2);
  const phase = random() * 6.28;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      const inside = insideObject(spec.shape, x - left, y - top, objectWidth, objectHeight);
      const noise = (random() - 0.5) * (inside ? 12 : 60);
      if (inside) {
        data[offset] = clampByte(OBJECT_COLOUR[0] + noise);
        data[offset + 1] = clampByte(OBJECT_COLOUR[1] + noise / 2);
        data[offset + 2] = clampByte(OBJECT_COLOUR[2] + noise);
      } else {
        const wave = Math.sin(x / 23 + phase) * Math.cos(y / 31 - phase) * 35 + Math.sin((x + y) / 9) * 10;
        data[offset] = clampByte(110 + wave + noise);
        data[offset + 1] = clampByte(135 + wave * 0.8 + noise);
        data[offset + 2] = clampByte(95 + wave * 0.6 + noise);
      }
    }
  }
  return {
    spec,
    raw: { data, width, height, channels: 3 },
    object: { left, top, width: objectWidth, height: objectHeight },
  };
}

function insideObject(shape: SceneSpec['shape'], x: number, y: number, width: number, height: number): boolean {
  if (x < 0 || y < 0 || x >= width || y >= height) return false;
  if (shape === 'rect') return true;
  const radius = width / 2;
  return (x + 0.5 - radius) ** 2 + (y + 0.5 - radius) ** 2 <= radius * radius;
}

function clampByte(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}

/** mulberry32: a tiny deterministic generator, so every run draws the same scenes. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
