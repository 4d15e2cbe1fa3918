import sharp from 'sharp';
import type { RawImage } from './types';

/** True when every pixel of an RGBA buffer is fully opaque (the alpha channel carries nothing). */
function isFullyOpaque(raw: RawImage): boolean {
  if (raw.channels !== 4) return true;
  const { data } = raw;
  for (let index = 3; index < data.length; index += 4) {
    if (data[index] !== 255) return false;
  }
  return true;
}

/**
 * Drops an alpha channel that is opaque everywhere (GIF, HEIC and many PNGs carry one): outputs then stay RGB,
 * smaller to encode, and the engine skips alpha-aware work.
 */
export async function withoutUselessAlpha(raw: RawImage): Promise<RawImage> {
  if (raw.channels !== 4 || !isFullyOpaque(raw)) return raw;
  const data = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } })
    .removeAlpha()
    .raw()
    .toBuffer();
  return { data, width: raw.width, height: raw.height, channels: 3 };
}

/** Resizes raw pixels to an exact size (used to bring a WASM-decoded HEIC down to the scale the caller needs). */
export async function resizeRaw(raw: RawImage, width: number, height: number): Promise<RawImage> {
  if (width === raw.width && height === raw.height) return raw;
  const data = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer();
  return { data, width, height, channels: raw.channels };
}
