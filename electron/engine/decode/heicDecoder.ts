import decodeHeic from 'heic-decode';
import type { RawImage } from './types';

/**
 * HEIC (HEVC-coded HEIF) goes through heic-decode, libheif compiled to WASM, because the prebuilt sharp binaries
 * carry no HEVC decoder (patents). libheif applies the container's rotation/mirror boxes itself, so the pixels come
 * out upright; HEIF ignores EXIF orientation by specification.
 */

/** Size of the first (primary) image and how many top-level images the file holds, without decoding pixels. */
export async function readHeicHeader(bytes: Buffer): Promise<{ width: number; height: number; images: number }> {
  const images = await decodeHeic.all({ buffer: bytes });
  try {
    const first = images[0];
    if (!first) throw new Error('HEIF image not found');
    return { width: first.width, height: first.height, images: images.length };
  } finally {
    images.dispose();
  }
}

/** Decodes the primary image to 8-bit RGBA. */
export async function decodeHeicPixels(bytes: Buffer): Promise<RawImage> {
  const { width, height, data } = await decodeHeic({ buffer: bytes });
  return { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), width, height, channels: 4 };
}
