import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import sharp from 'sharp';

/**
 * A JPEG unlike any other seed's: diagonal colour bands whose angle, period and hues follow the seed, so every
 * generated source has its own content hash (one job each) and a visible structure for the fake to resize.
 */
export async function makeTestJpeg(seed: number, width = 640, height = 480): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  const period = 24 + (seed % 17) * 3;
  const tilt = 1 + (seed % 5);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const band = Math.floor((x + y * tilt) / period);
      const offset = (y * width + x) * 3;
      data[offset] = (band * 37 + seed * 53) % 256;
      data[offset + 1] = (band * 11 + seed * 29 + y) % 256;
      data[offset + 2] = (x + seed * 97) % 256;
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).jpeg({ quality: 88 }).toBuffer();
}

/** Writes makeTestJpeg(seed) to `path` and returns the bytes. */
export async function writeTestJpeg(path: string, seed: number, width?: number, height?: number): Promise<Buffer> {
  const bytes = await makeTestJpeg(seed, width, height);
  await writeFile(path, bytes);
  return bytes;
}

/** Lowercase hex sha256 of a file's bytes: the job's content hash. */
export function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * The file name the fal provider gives a source's upload (prepareUpload: the first 32 hex of the content hash,
 * `.jpg` for an opaque source, `.png` with alpha). The fake fal server matches fault rules and `submitsFor` on it.
 */
export function uploadNameFor(contentHash: string, hasAlpha = false): string {
  return `${contentHash.slice(0, 32)}.${hasAlpha ? 'png' : 'jpg'}`;
}

/** The 32-hex prefix every upload of this content hash starts with, whatever its extension. */
export function uploadPrefixFor(contentHash: string): string {
  return contentHash.slice(0, 32);
}
