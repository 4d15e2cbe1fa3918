import sharp from 'sharp';
import { loadSourceImage } from '../decode';
import { createThumbnailCache } from './thumbnailCache';

// One cache per process: the desktop app and the headless server each serve a single engine.
const previews = createThumbnailCache();

async function renderThumbnail(path: string, maxSide: number): Promise<string> {
  const source = await loadSourceImage(path, { minScale: (probe) => Math.min(1, (maxSide * 2) / Math.max(probe.width, probe.height)) });
  const { data, width, height, channels } = source.raw;
  const bytes = await sharp(data, { raw: { width, height, channels } })
    .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 78 })
    .toBuffer();
  return `data:image/jpeg;base64,${bytes.toString('base64')}`;
}

/**
 * A small JPEG preview as a data URL, so both hosts show images the same way with a strict CSP. Sources go through
 * intake (EXIF rotation, CMYK, HEIC, SVG as a buffer, pixel limit) so a hostile file is refused here too. Previews
 * are cached in memory while their file is unchanged, so lists shown again cost no decode.
 */
export function thumbnailDataUrl(path: string, maxSide: number): Promise<string> {
  return previews.get(path, maxSide, () => renderThumbnail(path, maxSide));
}
