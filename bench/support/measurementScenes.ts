/**
 * The measurement set of `bench:local`: generated ad-like scenes with known boxes. Backgrounds are photos from a
 * folder (BENCH_PHOTOS; see the README for the set we used) or, without one, the corpus photos and a texture;
 * salient subjects are real photos of people (the thumbnails of @vladmandic/human's assets/samples.jpg) pasted at
 * known places, with their faces' known boxes; text is set in Debian's DejaVu and Liberation fonts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { RawImage } from '../../electron/engine/decode/types';
import { type CompositionScene, type SceneRecipe, makeCompositionScene } from '../../tests/support/images/compositionScene';

const WORDS = ['SUMMER SALE', 'New collection', 'Free shipping', 'LIMITED EDITION', 'Shop now', '50% OFF', 'Autumn Menu', 'Book today', 'GRAND OPENING', 'Fresh every day'];
const FONTS: Array<[string, 'normal' | 'bold']> = [['DejaVu Sans', 'bold'], ['DejaVu Serif', 'normal'], ['Liberation Sans', 'bold'], ['Liberation Serif', 'normal'], ['Liberation Sans Narrow', 'normal']];
const COLOURS = ['#ffffff', '#ffd400', '#111111', '#ffffff', '#ff3355'];
const SHAPES: Array<[number, number]> = [[1500, 1000], [1000, 1500], [1200, 1200], [1600, 900]];

/** The corpus photos beside the checkout: the tuning set's backgrounds without BENCH_PHOTOS, else the hold-out's. */
const CORPUS_PHOTOS = ['../shared/corpus/2569067123_aca715a2ee_o.jpg', '../shared/corpus/Landscape_1.jpg', '../shared/corpus/Landscape_6.jpg'];

/** Photos to lay scenes over: every image in BENCH_PHOTOS, else the first two corpus photos, and the texture. */
export async function backgroundPhotos(): Promise<{ names: string[]; photos: Array<RawImage | undefined> }> {
  const folder = process.env.BENCH_PHOTOS;
  const files = folder
    ? readdirSync(folder).filter((name) => /\.(jpe?g|png)$/i.test(name)).map((name) => join(folder, name))
    : CORPUS_PHOTOS.slice(0, 2).filter((path) => existsSync(path));
  return readPhotos(files, true);
}

/**
 * Backgrounds of the hold-out set, scenes the planner's weights were never tuned on: with BENCH_PHOTOS (the set
 * the weights were tuned with), the three corpus photos; without, the third corpus photo only. No texture.
 */
export async function heldOutPhotos(): Promise<{ names: string[]; photos: Array<RawImage | undefined> }> {
  const files = (process.env.BENCH_PHOTOS ? CORPUS_PHOTOS : CORPUS_PHOTOS.slice(2)).filter((path) => existsSync(path));
  return readPhotos(files, false);
}

async function readPhotos(files: readonly string[], texture: boolean): Promise<{ names: string[]; photos: Array<RawImage | undefined> }> {
  const photos: Array<RawImage | undefined> = texture ? [undefined] : [];
  for (const file of files) {
    const { data, info } = await sharp(file).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
    if (info.width >= 200 && info.height >= 200) photos.push({ data, width: info.width, height: info.height, channels: 3 });
  }
  return { names: [...(texture ? ['texture'] : []), ...files], photos };
}

/** The seed of the set the planner's weights were tuned on. */
const TUNING_SEED = 1301;

/**
 * `count` scenes drawn with a seeded generator: one or two people, zero to two lines of type, over a photo. The
 * tuning set is TUNING_SEED; another seed gives other placements, sizes, words, fonts and colours.
 */
export async function measurementScenes(count: number, photos: ReadonlyArray<RawImage | undefined>, seed = TUNING_SEED): Promise<CompositionScene[]> {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const scenes: CompositionScene[] = [];
  for (let index = 0; index < count; index += 1) {
    const [width, height] = pick(SHAPES);
    const people = Array.from({ length: random() < 0.7 ? 1 : 2 }, (_, person) => ({
      patch: Math.floor(random() * 3),
      x: person === 0 ? 0.2 + random() * 0.6 : random() < 0.5 ? 0.2 : 0.8,
      y: 0.35 + random() * 0.35,
      height: 0.25 + random() * 0.35,
    }));
    const texts = Array.from({ length: Math.floor(random() * 3) }, (_, line) => {
      const [font, weight] = pick(FONTS);
      const size = 0.04 + random() * 0.06;
      return { text: pick(WORDS), font, weight, size, colour: pick(COLOURS), x: 0.04 + random() * 0.3, y: line === 0 ? 0.08 + size + random() * 0.1 : 0.86 + random() * 0.08 };
    });
    const recipe: SceneRecipe = { name: `scene ${index + 1}`, width, height, seed: seed - TUNING_SEED + index + 1, background: photos.length > 0 ? photos[index % photos.length] : undefined, people, texts };
    scenes.push(await makeCompositionScene(recipe));
  }
  return scenes;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
