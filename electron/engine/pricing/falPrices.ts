import type { FalResolution } from '../../domain/sizes';

/** Flat fee fal charges once per smart-resize request for its vision analysis (FAL.md), in US cents. */
export const VISION_FEE_CENTS = 5;

/** Price of one output image at 1K or 2K, in US cents. */
export const IMAGE_PRICE_CENTS = 15;

/** Price of one output image at 4K (double), in US cents. */
export const IMAGE_4K_PRICE_CENTS = 30;

/** What one output image at the given tier costs, in cents. Only 4K is priced differently. */
export function imagePriceCents(resolution: FalResolution): number {
  return resolution === '4K' ? IMAGE_4K_PRICE_CENTS : IMAGE_PRICE_CENTS;
}
