/** Image decoding: probe and decode untrusted files into upright 8-bit sRGB pixels, refusing bad ones clearly. */
export { probeImage } from './probeImage';
export { loadSourceImage } from './loadSourceImage';
