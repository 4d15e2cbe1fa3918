import type { Sharp } from 'sharp';
import type { OutputFormat } from '../../domain/outputFormats';

/**
 * How outputs are encoded; quality (1-100) applies to jpeg and webp. `raw` hands back the pixels (the source's
 * channel count) for the output step to encode to its placement's spec (engine/output/finishOutput).
 */
export interface EncodeOptions {
  readonly format: OutputFormat | 'raw';
  readonly quality?: number;
}

/** Quality used when a profile does not set one: visually clean for ad creatives at a reasonable size. */
export const DEFAULT_QUALITY = 85;

/**
 * Adds the encoder to a sharp pipeline. Alpha is kept for png and webp; jpeg has none, so transparent areas are
 * flattened onto white (what a transparent logo is usually meant to sit on), not the black a bare drop would give.
 */
export function withEncoder(pipeline: Sharp, options: EncodeOptions, hasAlpha: boolean): Sharp {
  const quality = normaliseQuality(options.quality);
  switch (options.format) {
    case 'jpeg':
      return (hasAlpha ? pipeline.flatten({ background: '#ffffff' }) : pipeline).jpeg({ quality });
    case 'webp':
      return pipeline.webp({ quality });
    case 'png':
      return pipeline.png();
    case 'raw':
      return pipeline.raw();
  }
}

function normaliseQuality(quality: number | undefined): number {
  if (quality === undefined || !Number.isFinite(quality)) return DEFAULT_QUALITY;
  return Math.min(100, Math.max(1, Math.round(quality)));
}
