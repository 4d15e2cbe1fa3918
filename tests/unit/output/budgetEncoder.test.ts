import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findPack } from '../../../electron/domain/placements';
import { chooseAutoFormat, encodeWithinBudget } from '../../../electron/engine/output';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');
const PHOTOS = ['2569067123_aca715a2ee_o.jpg', 'Landscape_1.jpg', 'Landscape_6.jpg'];

async function rawAt(file: string, width: number, height: number) {
  const { data, info } = await sharp(join(CORPUS, file)).rotate().resize(width, height, { fit: 'cover' }).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels as 3 | 4 };
}

describe('the file-weight budget encoder', () => {
  it('writes every IAB size of real photos within its limit, or marks it failed with the reason, never changing pixels', async () => {
    const iab = findPack('iab')!.placements.filter((spec) => spec.maxKB !== null);
    for (const file of PHOTOS) {
      for (const spec of iab) {
        const raw = await rawAt(file, spec.width, spec.height);
        const format = chooseAutoFormat(raw, spec.formats);
        const result = await encodeWithinBudget({ raw, format, quality: 90, maxBytes: spec.maxKB! * 1000 });
        const meta = await sharp(result.bytes).metadata();
        expect([meta.width, meta.height], `${file} ${spec.id}`).toEqual([spec.width, spec.height]);
        if (result.withinBudget) expect(result.bytes.length, `${file} ${spec.id}`).toBeLessThanOrEqual(spec.maxKB! * 1000);
        else expect(result.reason, `${file} ${spec.id}`).toMatch(/over the .* limit/);
      }
    }
  });

  it('a photo over a tight budget is searched down in quality to fit, with 4:2:0 and progressive scans', async () => {
    const raw = await rawAt(PHOTOS[0]!, 1080, 1920);
    const result = await encodeWithinBudget({ raw, format: 'jpeg', quality: 90, maxBytes: 150_000 });
    expect(result.withinBudget).toBe(true);
    expect(result.bytes.length).toBeLessThanOrEqual(150_000);
    expect(result.settings).toMatchObject({ format: 'jpeg', chroma: '4:2:0', progressive: true });
    expect(result.settings.quality).toBeLessThan(90);
    expect(result.attempts.length).toBeLessThanOrEqual(5);
  });

  it('an impossible budget still gives the smallest file, marked failed with the size reached and why', async () => {
    const raw = await rawAt(PHOTOS[0]!, 1080, 1920);
    const result = await encodeWithinBudget({ raw, format: 'jpeg', quality: 90, maxBytes: 5_000 });
    expect(result.withinBudget).toBe(false);
    expect(result.bytes.length).toBe(Math.min(...result.attempts.map((attempt) => attempt.bytes)));
    expect(result.reason).toMatch(/^Even the smallest encoding tried \(JPEG q30 4:2:0 mozjpeg, [\d.]+ KB\) is over the 5\.0 KB limit/);
  });

  it('a PNG over budget is palette-quantised before anything else', async () => {
    const raw = await rawAt(PHOTOS[1]!, 300, 250);
    const lossless = await encodeWithinBudget({ raw, format: 'png', quality: 90 });
    const result = await encodeWithinBudget({ raw, format: 'png', quality: 90, maxBytes: Math.round(lossless.bytes.length / 2) });
    expect(result.withinBudget).toBe(true);
    expect(result.settings).toMatchObject({ format: 'png', paletteColours: 256 });
    expect((await sharp(result.bytes).metadata()).isPalette).toBe(true);
  });

  it('auto: JPEG for a photo, PNG for transparency or few colours, WebP only where JPEG and PNG are not allowed', async () => {
    const photo = await rawAt(PHOTOS[0]!, 300, 250);
    expect(chooseAutoFormat(photo)).toBe('jpeg');
    const flat = { data: Buffer.alloc(100 * 100 * 3, 200), width: 100, height: 100, channels: 3 as const };
    expect(chooseAutoFormat(flat)).toBe('png');
    const clear = { data: Buffer.alloc(10 * 10 * 4, 0), width: 10, height: 10, channels: 4 as const };
    expect(chooseAutoFormat(clear)).toBe('png');
    expect(chooseAutoFormat(photo, ['webp'])).toBe('webp');
    expect(chooseAutoFormat(clear, ['jpeg'])).toBe('jpeg');
  });
});

describe('mozjpeg as the last resort', () => {
  it('is tried only when no faster setting fits, and is kept when it fits', async () => {
    const { data, info } = await sharp(join(CORPUS, PHOTOS[0]!)).resize(1080, 1920, { fit: 'cover' }).raw().toBuffer({ resolveWithObject: true });
    const raw = { data, width: info.width, height: info.height, channels: 3 as const };
    const floorFast = await encodeWithinBudget({ raw, format: 'jpeg', quality: 30 });
    const fastBytes = (await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } }).jpeg({ quality: 30, chromaSubsampling: '4:2:0', progressive: true }).toBuffer()).length;
    // Between mozjpeg's floor and the fast floor: only mozjpeg fits.
    const budget = Math.round(fastBytes * 0.93);
    const result = await encodeWithinBudget({ raw, format: 'jpeg', quality: 90, maxBytes: budget });
    expect(floorFast.bytes.length).toBeGreaterThan(budget);
    expect(result.withinBudget).toBe(true);
    expect(result.settings.mozjpeg).toBe(true);
    expect(result.attempts.filter((attempt) => attempt.mozjpeg).length).toBeGreaterThan(0);
  });
});
