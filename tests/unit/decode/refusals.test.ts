import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSourceImage } from '../../../electron/engine/decode';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'intake-refusals-'));
});

afterAll(async () => {
  await chmod(join(folder, 'locked.png'), 0o644).catch(() => undefined);
  await rm(folder, { recursive: true, force: true });
});

async function refusal(path: string, options = {}): Promise<{ code: string; message: string }> {
  return loadSourceImage(path, options).then(
    () => ({ code: 'loaded', message: '' }),
    (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
  );
}

async function photo(format: 'png' | 'webp' | 'gif' | 'jpeg'): Promise<Buffer> {
  return sharp(join(CORPUS, 'Landscape_1.jpg')).resize(200)[format]().toBuffer();
}

describe('file-system refusals', () => {
  it('file_not_found names the file', async () => {
    expect(await refusal(join(folder, 'gone.jpg'))).toEqual({ code: 'file_not_found', message: expect.stringContaining('"gone.jpg"') });
  });

  it('not_a_file for a folder', async () => {
    await mkdir(join(folder, 'album.jpg'));
    expect(await refusal(join(folder, 'album.jpg'))).toEqual({ code: 'not_a_file', message: expect.stringContaining('"album.jpg"') });
  });

  it('empty_file for 0 bytes', async () => {
    await writeFile(join(folder, 'empty.png'), '');
    expect(await refusal(join(folder, 'empty.png'))).toEqual({ code: 'empty_file', message: expect.stringContaining('"empty.png"') });
  });

  // Root reads any file whatever its mode, so permission denial cannot be produced there.
  it.skipIf(process.getuid?.() === 0)('file_unreadable when permission is denied', async () => {
    await writeFile(join(folder, 'locked.png'), await photo('png'));
    await chmod(join(folder, 'locked.png'), 0o000);
    expect(await refusal(join(folder, 'locked.png'))).toEqual({ code: 'file_unreadable', message: expect.stringContaining('permission denied') });
  });
});

describe('content refusals', () => {
  it('unsupported_format for a non-image, whatever its extension', async () => {
    await writeFile(join(folder, 'notes.jpg'), 'just some text, not a picture');
    expect((await refusal(join(folder, 'notes.jpg'))).code).toBe('unsupported_format');
  });

  it('truncated_image for PNG, WebP, GIF and JPEG cut short', async () => {
    for (const format of ['png', 'webp', 'gif', 'jpeg'] as const) {
      const bytes = await photo(format);
      const path = join(folder, `cut.${format}`);
      await writeFile(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const result = await refusal(path);
      expect(result.code, format).toBe('truncated_image');
      expect(result.message).toContain(`"cut.${format}"`);
    }
  });

  it('corrupt_image for a PNG whose data is garbage but complete', async () => {
    const bytes = Buffer.from(await photo('png'));
    // Overwrite the middle of the compressed data, keeping the signature, the header and the IEND trailer.
    bytes.fill(0x5a, 100, bytes.length - 20);
    await writeFile(join(folder, 'garbled.png'), bytes);
    expect((await refusal(join(folder, 'garbled.png'))).code).toBe('corrupt_image');
  });

  it('pixel_limit_exceeded honours a lower limit and names it', async () => {
    const result = await refusal(join(CORPUS, 'Landscape_1.jpg'), { limitInputPixels: 100_000 });
    expect(result.code).toBe('pixel_limit_exceeded');
    expect(result.message).toContain('600 x 450 = 270,000 pixels');
    expect(result.message).toContain('limit of 100,000 pixels');
  });
});
