import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadSourceImage } from '../../../electron/engine/decode';
import { planComposition } from '../../../electron/engine/composition';
import { saliencySubjects } from '../../../electron/engine/composition/saliencySubject';
import { renderLocalSizes } from '../../../electron/engine/local';
import type { RawImage } from '../../../electron/engine/decode/types';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');

async function decode(bytes: Buffer) {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** Mean and standard deviation of the luma of the pixels in [x0,x1) x [y0,y1). */
function lumaStats(image: { data: Buffer; width: number; channels: number }, x0: number, y0: number, x1: number, y1: number) {
  let sum = 0;
  let squares = 0;
  let count = 0;
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      const offset = (y * image.width + x) * image.channels;
      const luma = 0.299 * image.data[offset]! + 0.587 * image.data[offset + 1]! + 0.114 * image.data[offset + 2]!;
      sum += luma;
      squares += luma * luma;
      count += 1;
    }
  }
  const mean = sum / count;
  return { mean, deviation: Math.sqrt(Math.max(0, squares / count - mean * mean)) };
}

describe('padding', () => {
  it('fills the pad with an extension of the image, not flat bars', async () => {
    // A real photo with a keep box too tall for a banner crop.
    const source = await loadSourceImage(join(CORPUS, 'Landscape_1.jpg'));
    const keep = { kind: 'keep' as const, score: 1, box: { left: source.raw.width * 0.4, top: 2, width: source.raw.width * 0.2, height: source.raw.height - 4 } };
    const subjects = [...(await saliencySubjects(source.raw)), keep];
    const target = { width: 970, height: 250 };
    const { plan } = planComposition({ source: source.raw, subjects }, target);
    expect(plan.method).not.toBe('crop');
    const [output] = await renderLocalSizes(source, [target], { format: 'png', subjects, fill: { style: 'mirror' } });
    const image = await decode(output!.bytes);
    const { left, width } = plan.placement;
    const leftPad = lumaStats(image, 0, 0, left, image.height);
    const rightPad = lumaStats(image, left + width, 0, image.width, image.height);
    // Flat bars have no variation at all; an extension of a photo does.
    expect(leftPad.deviation).toBeGreaterThan(4);
    expect(rightPad.deviation).toBeGreaterThan(4);
    // Right next to the image the fill continues the image's own edge.
    const edgeBand = Math.max(2, Math.floor(left / 8));
    const imageLeftEdge = lumaStats(image, left, 0, left + edgeBand, image.height);
    const padNextToIt = lumaStats(image, left - edgeBand, 0, left, image.height);
    expect(Math.abs(imageLeftEdge.mean - padNextToIt.mean)).toBeLessThan(12);
    // And the pad rows differ from one another (not one colour per side): compare the top and bottom thirds.
    const top = lumaStats(image, 0, 0, left, Math.floor(image.height / 3));
    const bottom = lumaStats(image, 0, Math.ceil((2 * image.height) / 3), left, image.height);
    expect(Math.abs(top.mean - bottom.mean)).toBeGreaterThan(3);
  });
});

/** A transparent canvas with an opaque red square in the middle. */
function logoOnTransparent(): RawImage {
  const width = 200;
  const height = 200;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 60; y < 140; y += 1) {
    for (let x = 70; x < 130; x += 1) data.set([220, 20, 20, 255], (y * width + x) * 4);
  }
  return { data, width, height, channels: 4 };
}

describe('alpha', () => {
  const targets = [{ width: 300, height: 250 }, { width: 728, height: 90 }];

  it('keeps transparency in png and webp', async () => {
    for (const format of ['png', 'webp'] as const) {
      const outputs = await renderLocalSizes(logoOnTransparent(), targets, { format });
      for (const output of outputs) {
        const image = await decode(output.bytes);
        expect(image.channels).toBe(4);
        expect([image.width, image.height]).toEqual([output.target.width, output.target.height]);
        expect(image.data[3]).toBe(0);
      }
    }
  });

  it('flattens onto white for jpeg', async () => {
    const outputs = await renderLocalSizes(logoOnTransparent(), targets, { format: 'jpeg' });
    for (const output of outputs) {
      const image = await decode(output.bytes);
      expect(image.channels).toBe(3);
      expect([image.data[0], image.data[1], image.data[2]].every((value) => value! > 245)).toBe(true);
    }
  });
});

describe('exact sizes', () => {
  it('renders odd and extreme sizes exactly, in every format', async () => {
    const source = await loadSourceImage(join(CORPUS, 'Landscape_6.jpg'));
    const targets = [{ width: 1, height: 1 }, { width: 3, height: 977 }, { width: 1000, height: 7 }, { width: 641, height: 479 }];
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const outputs = await renderLocalSizes(source, targets, { format, quality: 70 });
      expect(outputs.map((output) => output.target)).toEqual(targets);
      for (const output of outputs) {
        const { width, height, format: written } = await sharp(output.bytes).metadata();
        expect([width, height, written]).toEqual([output.target.width, output.target.height, format]);
      }
    }
  });
});
