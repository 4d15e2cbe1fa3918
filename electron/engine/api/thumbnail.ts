import sharp from 'sharp';
import { loadSourceImage } from '../intake';

/**
 * A small JPEG preview as a data URL, so both hosts show images the same way with a strict CSP. Sources go through
 * intake (EXIF rotation, CMYK, HEIC, SVG as a buffer, pixel limit) so a hostile file is refused here too.
 */
export async function thumbnailDataUrl(path: string, maxSide: number): Promise<string> {
  const source = await loadSourceImage(path, { minScale: (probe) => Math.min(1, (maxSide * 2) / Math.max(probe.width, probe.height)) });
  const { data, width, height, channels } = source.raw;
  const bytes = await sharp(data, { raw: { width, height, channels } })
    .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 78 })
    .toBuffer();
  return `data:image/jpeg;base64,${bytes.toString('base64')}`;
}
