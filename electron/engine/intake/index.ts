/** Image intake: probe and decode untrusted files into upright 8-bit sRGB pixels, refusing bad ones clearly. */
export { probeImage } from './probeImage';
export { loadSourceImage } from './loadSourceImage';
export { DEFAULT_PIXEL_LIMIT, DEFAULT_SVG_LONG_SIDE } from './types';
export type { ImageFormat, ImageProbe, IntakeOptions, LoadOptions, RawImage, SourceImage } from './types';
