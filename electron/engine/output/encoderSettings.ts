import sharp, { type Sharp } from 'sharp';
import type { RawImage } from '../decode/types';
import type { OutputFormat } from '../../domain/outputFormats';

/** One way of encoding pixels: what the budget search varies. Never the pixel size. */
export interface EncoderSettings {
  readonly format: OutputFormat;
  /** JPEG/WebP quality 1-100. */
  readonly quality?: number;
  /** JPEG chroma subsampling: full colour detail, or halved (smaller, rarely visible in photos). */
  readonly chroma?: '4:4:4' | '4:2:0';
  /** JPEG: progressive scans, a few percent smaller at no cost in time. */
  readonly progressive?: boolean;
  /** JPEG: mozjpeg's trellis quantisation and optimised scans, about a fifth smaller, ten times slower. */
  readonly mozjpeg?: boolean;
  /** PNG: quantise to a palette of at most this many colours (2-256); absent: lossless truecolour. */
  readonly paletteColours?: number;
}

/** libimagequant's effort: 4 is about 8x faster than the default 7 for a file a few percent larger. */
const PALETTE_EFFORT = 4;

/** Adds to every attempt what the output must carry (rights metadata, the sRGB profile); it counts toward the weight. */
export type MetadataStep = (pipeline: Sharp) => Sharp;

/**
 * Encodes raw pixels with one set of settings. JPEG has no alpha, so transparent pixels are flattened onto white
 * (what a transparent logo is usually meant to sit on), not the black a bare drop would give.
 */
export async function encodeRaw(raw: RawImage, settings: EncoderSettings, metadata?: MetadataStep): Promise<Buffer> {
  let pipeline = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
  if (metadata) pipeline = metadata(pipeline);
  switch (settings.format) {
    case 'jpeg':
      if (raw.channels === 4) pipeline = pipeline.flatten({ background: '#ffffff' });
      return pipeline
        .jpeg({ quality: settings.quality ?? 90, chromaSubsampling: settings.chroma ?? '4:2:0', progressive: settings.progressive ?? false, ...(settings.mozjpeg ? { mozjpeg: true } : {}) })
        .toBuffer();
    case 'webp':
      return pipeline.webp({ quality: settings.quality ?? 90 }).toBuffer();
    case 'png':
      return settings.paletteColours
        ? pipeline.png({ palette: true, colours: settings.paletteColours, effort: PALETTE_EFFORT, dither: 1 }).toBuffer()
        : pipeline.png({ compressionLevel: 9 }).toBuffer();
  }
}

/** Settings in words for logs and reasons, e.g. "JPEG q72 4:2:0 mozjpeg" or "PNG 64 colours". */
export function describeSettings(settings: EncoderSettings): string {
  if (settings.format === 'png') return settings.paletteColours ? `PNG ${settings.paletteColours} colours` : 'PNG lossless';
  if (settings.format === 'webp') return `WebP q${settings.quality ?? 90}`;
  return ['JPEG', `q${settings.quality ?? 90}`, settings.chroma ?? '4:2:0', settings.progressive ? 'progressive' : '', settings.mozjpeg ? 'mozjpeg' : ''].filter(Boolean).join(' ');
}
