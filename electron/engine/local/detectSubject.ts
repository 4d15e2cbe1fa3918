import sharp from 'sharp';
import type { RawImage } from '../decode/types';
import { type Box, clipBox } from './geometry';
import { saliencyMap } from './saliencyMap';
import { salientBounds } from './salientRegion';

/** Long side of the thumbnail the saliency map is computed on: enough detail, a few milliseconds of work. */
const THUMBNAIL_SIDE = 160;
/** Thumbnail pixels added around the found subject: the thumbnail blurs its edge by about one pixel. */
const BOUNDS_PADDING = 1.5;

/**
 * Finds the main subject of decoded pixels with our own saliency map on a small thumbnail, as a box in the raw
 * image's pixels. Null when there is nothing to find (fully transparent, or one flat colour): callers then centre.
 */
export async function detectSubject(raw: RawImage): Promise<Box | null> {
  const { data, info } = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } })
    .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const map = saliencyMap({ data, width: info.width, height: info.height, channels: info.channels });
  if (!map) return null;
  const bounds = salientBounds(map, info.width, info.height);
  if (!bounds) return null;
  const scaleX = raw.width / info.width;
  const scaleY = raw.height / info.height;
  const left = (bounds.x0 - BOUNDS_PADDING) * scaleX;
  const top = (bounds.y0 - BOUNDS_PADDING) * scaleY;
  const right = (bounds.x1 + 1 + BOUNDS_PADDING) * scaleX;
  const bottom = (bounds.y1 + 1 + BOUNDS_PADDING) * scaleY;
  return clipBox({ left, top, width: right - left, height: bottom - top }, raw);
}
