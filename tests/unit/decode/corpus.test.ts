import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSmartResizeError } from '../../../electron/domain/errors';
import { loadSourceImage, probeImage } from '../../../electron/engine/decode';
import type { RawImage } from '../../../electron/engine/decode/types';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');

type Expected =
  | { ok: { width: number; height: number; channels: 3 | 4; format: string; notes: RegExp[] } }
  | { error: string; message: RegExp[] };

/** The exact outcome for every file of the shared corpus. */
const EXPECTED: Record<string, Expected> = {
  '16-bit-grey-alpha.png': { ok: { width: 109, height: 96, channels: 4, format: 'png', notes: [/^16-bit samples reduced to 8 bits/] } },
  '2569067123_aca715a2ee_o.jpg': { ok: { width: 2725, height: 2225, channels: 3, format: 'jpeg', notes: [] } },
  'Channel_digital_image_CMYK_color_no_profile.jpg': { ok: { width: 500, height: 333, channels: 3, format: 'jpeg', notes: [/^CMYK colours converted to sRGB$/] } },
  'Landscape_1.jpg': { ok: { width: 600, height: 450, channels: 3, format: 'jpeg', notes: [] } },
  'Landscape_6.jpg': { ok: { width: 600, height: 450, channels: 3, format: 'jpeg', notes: [/EXIF orientation 6/] } },
  'README.md': { error: 'unsupported_format', message: [/"README\.md"/, /not an image format/] },
  'check.svg': { ok: { width: 2560, height: 2560, channels: 4, format: 'svg', notes: [/^SVG rasterized at 2560x2560 pixels$/] } },
  'full-transparent.png': { ok: { width: 300, height: 300, channels: 4, format: 'png', notes: [] } },
  'giant-image.jpg': { error: 'pixel_limit_exceeded', message: [/"giant-image\.jpg"/, /20000 x 14000 = 280,000,000 pixels/, /pixel limit of 268,402,689/] },
  'grey-8bit-alpha.png': { ok: { width: 400, height: 300, channels: 4, format: 'png', notes: [] } },
  'rotating-squares.gif': { ok: { width: 80, height: 80, channels: 4, format: 'gif', notes: [/^animated GIF with 30 frames: frame 1 used$/] } },
  'truncated.jpg': { error: 'truncated_image', message: [/"truncated\.jpg"/, /incomplete/] },
  'uncompressed_tiff.tiff': { ok: { width: 246, height: 345, channels: 3, format: 'tiff', notes: [] } },
};

function meanColour(raw: RawImage, x0: number, y0: number, x1: number, y1: number): [number, number, number] {
  const sum = [0, 0, 0];
  let count = 0;
  for (let y = Math.floor(y0 * raw.height); y < Math.floor(y1 * raw.height); y += 1) {
    for (let x = Math.floor(x0 * raw.width); x < Math.floor(x1 * raw.width); x += 1) {
      const offset = (y * raw.width + x) * raw.channels;
      for (let channel = 0; channel < 3; channel += 1) sum[channel]! += raw.data[offset + channel]!;
      count += 1;
    }
  }
  return sum.map((value) => value / count) as [number, number, number];
}

function meanAbsoluteDifference(a: Buffer, b: Buffer): number {
  let total = 0;
  for (let index = 0; index < a.length; index += 1) total += Math.abs(a[index]! - b[index]!);
  return total / a.length;
}

describe('intake over the shared corpus', () => {
  it('has an expected outcome for every file of the corpus', () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${'ok' in expected ? 'loads' : expected.error}`, async () => {
      const path = join(CORPUS, file);
      if ('ok' in expected) {
        const source = await loadSourceImage(path);
        const { raw, notes, probe } = source;
        expect([raw.width, raw.height, raw.channels]).toEqual([expected.ok.width, expected.ok.height, expected.ok.channels]);
        expect(raw.data.length).toBe(raw.width * raw.height * raw.channels);
        expect(probe.format).toBe(expected.ok.format);
        expect(probe.fileName).toBe(file);
        expect(notes).toHaveLength(expected.ok.notes.length);
        expected.ok.notes.forEach((pattern, index) => expect(notes[index]).toMatch(pattern));
        return;
      }
      const failure = await loadSourceImage(path).then(
        () => null,
        (error: unknown) => error,
      );
      expect(isSmartResizeError(failure)).toBe(true);
      if (!isSmartResizeError(failure)) return;
      expect(failure.code).toBe(expected.error);
      for (const pattern of expected.message) expect(failure.message).toMatch(pattern);
    });
  }

  it('probes without decoding, refusing the giant image by its header', async () => {
    const probe = await probeImage(join(CORPUS, 'Landscape_6.jpg'));
    expect(probe).toMatchObject({ width: 600, height: 450, orientation: 6, format: 'jpeg' });
    await expect(probeImage(join(CORPUS, 'giant-image.jpg'))).rejects.toMatchObject({ code: 'pixel_limit_exceeded' });
  });

  it('turns the EXIF-6 photo upright: same size and pixels as the orientation-1 photo', async () => {
    const upright = await loadSourceImage(join(CORPUS, 'Landscape_1.jpg'));
    const rotated = await loadSourceImage(join(CORPUS, 'Landscape_6.jpg'));
    expect([rotated.raw.width, rotated.raw.height]).toEqual([upright.raw.width, upright.raw.height]);
    const difference = meanAbsoluteDifference(upright.raw.data, rotated.raw.data);
    expect(difference).toBeLessThan(10);
  });

  it('converts the CMYK JPEG without a profile to plausible sRGB: not inverted, not yellow', async () => {
    const { raw } = await loadSourceImage(join(CORPUS, 'Channel_digital_image_CMYK_color_no_profile.jpg'));
    // The lower-left of this park photo is lawn: green must dominate (inverted it would be magenta).
    const [red, green, blue] = meanColour(raw, 0, 0.55, 0.3, 0.7);
    expect(green).toBeGreaterThan(red + 10);
    expect(green).toBeGreaterThan(blue + 30);
    // The paved path at the lower right is a light neutral grey (inverted it would be dark; yellow, low in blue).
    const path = meanColour(raw, 0.6, 0.85, 1, 1);
    expect(Math.min(...path)).toBeGreaterThan(110);
    expect(Math.max(...path) - Math.min(...path)).toBeLessThan(20);
    // Overall, blue is not crushed the way a yellow cast would crush it.
    const [allRed, allGreen, allBlue] = meanColour(raw, 0, 0, 1, 1);
    expect(Math.max(allRed, allGreen) - allBlue).toBeLessThan(25);
  });

  it('reduces 16-bit grey + alpha to 8-bit RGBA with the same values', async () => {
    const { raw } = await loadSourceImage(join(CORPUS, '16-bit-grey-alpha.png'));
    let maxAlpha = 0;
    for (let index = 3; index < raw.data.length; index += 4) maxAlpha = Math.max(maxAlpha, raw.data[index]!);
    // The file's grey is 0 everywhere and its alpha peaks at 4116 of 65535, i.e. 16 of 255.
    expect(maxAlpha).toBe(Math.round(4116 / 257));
  });
});
