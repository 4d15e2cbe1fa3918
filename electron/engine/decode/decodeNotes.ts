import type { ImageProbe, RawImage } from './types';

const ANIMATED_FORMATS = new Set(['gif', 'webp']);
const MULTI_IMAGE_FORMATS = new Set(['avif', 'heic']);

/** The user-facing remarks about how a file was read: which frame, which conversions, how an SVG was rasterized. */
export function decodeNotes(probe: ImageProbe, raw: RawImage): string[] {
  const notes: string[] = [];
  const label = probe.format.toUpperCase();
  if (probe.pages > 1) {
    if (ANIMATED_FORMATS.has(probe.format)) notes.push(`animated ${label} with ${probe.pages} frames: frame 1 used`);
    else if (MULTI_IMAGE_FORMATS.has(probe.format)) notes.push(`${label} with ${probe.pages} images: image 1 used`);
    else notes.push(`${label} with ${probe.pages} pages: page 1 used`);
  }
  if (probe.orientation > 1) notes.push(`turned upright from its EXIF orientation ${probe.orientation}`);
  if (probe.space === 'cmyk') notes.push('CMYK colours converted to sRGB');
  else if (probe.space !== 'srgb' && !probe.space.startsWith('b-w') && !probe.space.startsWith('grey')) {
    notes.push(`${probe.space} colours converted to sRGB`);
  }
  if (probe.bitsPerSample > 8) notes.push(`${probe.bitsPerSample}-bit samples reduced to 8 bits per channel`);
  if (probe.format === 'svg') notes.push(`SVG rasterized at ${raw.width}x${raw.height} pixels`);
  return notes;
}
