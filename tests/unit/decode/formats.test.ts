import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSourceImage, probeImage } from '../../../electron/engine/decode';
import type { RawImage } from '../../../electron/engine/decode/types';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');

/**
 * 96x64 HEIC (HEVC, brand `heic`), made with libheif's heif-enc (x265) from a PNG: left half red (220,30,30),
 * right half blue (30,30,220), a green (30,200,30) square at x 8..23, y 8..23. Prebuilt sharp cannot decode it.
 */
const HEIC_FIXTURE = join(import.meta.dirname, '../../fixtures/heic/red-blue-green-96x64.heic');

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'intake-formats-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function pixel(raw: RawImage, x: number, y: number): number[] {
  const offset = (y * raw.width + x) * raw.channels;
  return [...raw.data.subarray(offset, offset + 3)];
}

function expectColour(actual: number[], expected: number[]): void {
  actual.forEach((value, index) => expect(Math.abs(value - expected[index]!)).toBeLessThan(25));
}

describe('HEIC through the WASM decoder', () => {
  it('probes and decodes the HEVC fixture upright with its colours', async () => {
    const probe = await probeImage(HEIC_FIXTURE);
    expect(probe).toMatchObject({ format: 'heic', width: 96, height: 64 });
    const { raw, notes } = await loadSourceImage(HEIC_FIXTURE);
    expect([raw.width, raw.height, raw.channels]).toEqual([96, 64, 3]);
    expect(notes).toEqual([]);
    expectColour(pixel(raw, 15, 15), [30, 200, 30]);
    expectColour(pixel(raw, 30, 50), [220, 30, 30]);
    expectColour(pixel(raw, 80, 40), [30, 30, 220]);
  });

  it('refuses a HEIC over the pixel limit before decoding it', async () => {
    await expect(loadSourceImage(HEIC_FIXTURE, { limitInputPixels: 96 * 64 - 1 })).rejects.toMatchObject({ code: 'pixel_limit_exceeded' });
  });

  it('reports a cut-short HEIC as damaged, not as a crash', async () => {
    const bytes = await import('node:fs/promises').then((fs) => fs.readFile(HEIC_FIXTURE));
    await writeFile(join(folder, 'cut.heic'), bytes.subarray(0, 300));
    const failure = await loadSourceImage(join(folder, 'cut.heic')).catch((error: { code: string }) => error);
    expect(['truncated_image', 'corrupt_image']).toContain((failure as { code: string }).code);
  });
});

describe('SVG', () => {
  it('rasterizes at the requested long side, keeping the aspect ratio', async () => {
    await writeFile(join(folder, 'wide.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#08f"/></svg>');
    const { raw, notes } = await loadSourceImage(join(folder, 'wide.svg'), { maxSvgSide: 1000 });
    expect([raw.width, raw.height]).toEqual([1000, 500]);
    expect(notes).toEqual(['SVG rasterized at 1000x500 pixels']);
  });

  it('stays under the pixel limit even when the long side asked for would not', async () => {
    const { raw } = await loadSourceImage(join(CORPUS, 'check.svg'), { maxSvgSide: 4000, limitInputPixels: 1_000_000 });
    expect(raw.width * raw.height).toBeLessThanOrEqual(1_000_000);
    expect(raw.width).toBeGreaterThan(900);
  });

  it('never loads files an untrusted SVG points at (relative or absolute paths), and refuses such an SVG', async () => {
    const red = join(folder, 'secret.png');
    await sharp({ create: { width: 50, height: 50, channels: 3, background: '#ff0000' } }).png().toFile(red);
    const svg = (href: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="50" height="50"><image xlink:href="${href}" width="50" height="50"/></svg>`;
    // The check is meaningful: sharp given the file path itself does load a relative reference.
    await writeFile(join(folder, 'relative.svg'), svg('secret.png'));
    const direct = await sharp(join(folder, 'relative.svg')).raw().toBuffer();
    expect(direct[3]).toBe(255);
    await writeFile(join(folder, 'absolute.svg'), svg(`file://${red}`));
    for (const name of ['relative.svg', 'absolute.svg']) {
      // Decoded from a buffer, as intake does, the reference is not loaded (the image stays transparent) ...
      const { data, info } = await sharp(await readFile(join(folder, name))).raw().toBuffer({ resolveWithObject: true });
      expect(info.channels).toBe(4);
      expect(data.every((value, index) => index % 4 !== 3 || value === 0)).toBe(true);
      // ... and intake refuses the file before decoding, saying why.
      await expect(loadSourceImage(join(folder, name), { maxSvgSide: 50 })).rejects.toMatchObject({ code: 'svg_external_reference' });
    }
  });
});

describe('decode scale', () => {
  it('decodes smaller when the caller needs less, never below the asked scale', async () => {
    const { raw, probe } = await loadSourceImage(join(CORPUS, '2569067123_aca715a2ee_o.jpg'), { minScale: 0.25 });
    expect(raw.width).toBeGreaterThanOrEqual(Math.ceil(probe.width * 0.25));
    expect(raw.width).toBeLessThan(probe.width / 2);
    expect(Math.abs(raw.width / raw.height - probe.width / probe.height)).toBeLessThan(0.01);
  });

  it('accepts the scale as a function of the probe', async () => {
    const { raw } = await loadSourceImage(join(CORPUS, 'Landscape_1.jpg'), { minScale: (probe) => 300 / probe.width });
    expect(raw.width).toBe(300);
  });
});
