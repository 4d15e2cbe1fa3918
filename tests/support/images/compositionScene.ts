import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import type { RawImage } from '../../../electron/engine/decode/types';
import type { Box } from '../../../electron/engine/local/geometry';
import { makeSubjectScene } from './subjectScene';

/** A thing placed in a scene at a known box (source pixels): what an output must show whole. */
interface PlacedElement {
  readonly kind: 'face' | 'text' | 'object';
  readonly box: Box;
  readonly label: string;
}

/** A generated scene and where everything in it is. */
export interface CompositionScene {
  readonly name: string;
  readonly raw: RawImage;
  readonly elements: readonly PlacedElement[];
}

/** A line of type set in a real font (Debian's DejaVu and Liberation families, installed by .ci/run). */
interface TextSpec {
  readonly text: string;
  readonly font: string;
  readonly weight?: 'normal' | 'bold';
  /** Font size as a share of the scene's height. */
  readonly size: number;
  readonly colour: string;
  /** Left and baseline, as shares of the scene's width and height. */
  readonly x: number;
  readonly y: number;
}

/**
 * Real photos of people: the clean thumbnails along the top of @vladmandic/human's assets/samples.jpg (MIT,
 * shipped in the package), as `patch` (strip pixels) with the face inside it (strip pixels; found once by the
 * package's BlazeFace on each thumbnail enlarged, and checked by eye against an outline drawn on the scene).
 */
const PEOPLE_PATCHES = [
  { label: 'woman', patch: { left: 165, top: 0, width: 153, height: 158 }, face: { left: 200, top: 20, width: 60, height: 60 } },
  { label: 'man', patch: { left: 325, top: 0, width: 212, height: 158 }, face: { left: 421, top: 14, width: 57, height: 57 } },
  { label: 'woman-standing', patch: { left: 640, top: 0, width: 150, height: 158 }, face: { left: 725, top: 20, width: 31, height: 31 } },
] as const;

/** A person placed in a scene: which patch, its centre (shares of the scene) and its height (share of the scene). */
interface PersonSpec {
  readonly patch: number;
  readonly x: number;
  readonly y: number;
  readonly height: number;
}

/** What a scene is made of: a background (a photo, or the seeded texture) and what is laid over it. */
export interface SceneRecipe {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly background?: RawImage;
  readonly seed?: number;
  readonly texts?: readonly TextSpec[];
  readonly people?: readonly PersonSpec[];
}

const samplesPath = join(dirname(createRequire(import.meta.url).resolve('@vladmandic/human')), '..', 'assets', 'samples.jpg');

/** Builds a scene from a recipe; every element's box is measured from what was drawn, not assumed. */
export async function makeCompositionScene(recipe: SceneRecipe): Promise<CompositionScene> {
  const { width, height } = recipe;
  const background = recipe.background
    ? await sharp(recipe.background.data, { raw: recipe.background }).resize(width, height, { fit: 'cover' }).removeAlpha().raw().toBuffer()
    : backgroundTexture(width, height, recipe.seed ?? 1);
  const layers: OverlayOptions[] = [];
  const elements: PlacedElement[] = [];
  for (const person of recipe.people ?? []) {
    const spec = PEOPLE_PATCHES[person.patch]!;
    const scale = (person.height * height) / spec.patch.height;
    const patchWidth = Math.round(spec.patch.width * scale);
    const patchHeight = Math.round(spec.patch.height * scale);
    const left = Math.round(person.x * width - patchWidth / 2);
    const top = Math.round(person.y * height - patchHeight / 2);
    // A person larger than the scene (or past its edge) is cut to what the scene shows, boxes too.
    const visible = clip({ left, top, width: patchWidth, height: patchHeight }, width, height);
    const input = await sharp(samplesPath)
      .extract(spec.patch)
      .resize(patchWidth, patchHeight)
      .extract({ left: visible.left - left, top: visible.top - top, width: visible.width, height: visible.height })
      .toBuffer();
    layers.push({ input, left: visible.left, top: visible.top });
    elements.push({ kind: 'object', label: spec.label, box: visible });
    const face = {
      left: left + Math.round((spec.face.left - spec.patch.left) * scale),
      top: top + Math.round((spec.face.top - spec.patch.top) * scale),
      width: Math.round(spec.face.width * scale),
      height: Math.round(spec.face.height * scale),
    };
    elements.push({ kind: 'face', label: `${spec.label} face`, box: clip(face, width, height) });
  }
  for (const text of recipe.texts ?? []) {
    const layer = await textLayer(text, width, height);
    layers.push({ input: layer.png, left: 0, top: 0 });
    if (layer.box) elements.push({ kind: 'text', label: text.text, box: layer.box });
  }
  const data = await sharp(background, { raw: { width, height, channels: 3 } }).composite(layers).removeAlpha().raw().toBuffer();
  return { name: recipe.name, raw: { data, width, height, channels: 3 }, elements };
}

async function textLayer(text: TextSpec, width: number, height: number): Promise<{ png: Buffer; box: Box | null }> {
  const escaped = text.text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="${text.x * width}" y="${text.y * height}" font-family="${text.font}" font-weight="${text.weight ?? 'normal'}" font-size="${text.size * height}" fill="${text.colour}">${escaped}</text></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const { data } = await sharp(png).ensureAlpha().extractChannel(3).raw().toBuffer({ resolveWithObject: true });
  return { png, box: inkBox(data, width, height) };
}

function clip(box: Box, width: number, height: number): Box {
  const left = Math.max(0, box.left);
  const top = Math.max(0, box.top);
  const right = Math.min(width, box.left + box.width);
  const bottom = Math.min(height, box.top + box.height);
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/** Bounding box of the pixels with any ink (alpha above a trace). */
function inkBox(alpha: Buffer, width: number, height: number): Box | null {
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (alpha[y * width + x]! < 24) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** The seeded textured background of the subject scenes (waves and noise), without their magenta object. */
function backgroundTexture(width: number, height: number, seed: number): Buffer {
  return makeSubjectScene({ width, height, centreX: -10, centreY: -10, objectWidth: 1, objectHeight: 1, shape: 'rect', seed }).raw.data;
}
