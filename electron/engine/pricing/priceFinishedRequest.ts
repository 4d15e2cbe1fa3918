import type { FalResolution } from '../../domain/sizes';
import { VISION_FEE_CENTS, imagePriceCents } from './falPrices';

/** The part of one `results[i]` entry of fal's smart-resize output that the price depends on. */
export interface FalResultForPricing {
  readonly resolution?: unknown;
  readonly images?: readonly unknown[] | null;
}

/** The cost of one target of a finished request. */
interface PricedSize {
  /** Position in fal's `results`, which follows the order of `target_sizes`. */
  readonly index: number;
  /** The tier fal reported, verbatim, or null when it reported none. */
  readonly reportedResolution: string | null;
  /** The tier the images were priced at. */
  readonly billedAs: FalResolution;
  /** True when fal's tier was missing or unrecognised, so the dearest tier was assumed. */
  readonly resolutionUnknown: boolean;
  readonly imageCount: number;
  readonly cents: number;
}

/** What a finished request cost, in integer US cents. */
export interface RequestPrice {
  readonly totalCents: number;
  readonly visionFeeCents: number;
  readonly imagesCents: number;
  readonly perSize: readonly PricedSize[];
  /** True when any size was priced at the assumed (dearest) tier: show the total as "at most". */
  readonly hasUnknownResolution: boolean;
}

/**
 * Prices a completed smart-resize request from what fal returned: the vision fee once, plus each target's image
 * count at the tier fal reports for it. An unrecognised or missing tier is priced as 4K and flagged, so recorded
 * spend errs high (the budget guard must never under-count) and the UI can say the figure is an upper bound.
 */
export function priceFinishedRequest(results: readonly FalResultForPricing[]): RequestPrice {
  const perSize = results.map((result, index): PricedSize => {
    const reportedResolution = typeof result.resolution === 'string' ? result.resolution : null;
    const known = normalizeResolution(reportedResolution);
    const billedAs = known ?? '4K';
    const imageCount = Array.isArray(result.images) ? result.images.length : 0;
    return {
      index,
      reportedResolution,
      billedAs,
      resolutionUnknown: known === null,
      imageCount,
      cents: imageCount * imagePriceCents(billedAs),
    };
  });
  const imagesCents = perSize.reduce((sum, size) => sum + size.cents, 0);
  return {
    totalCents: VISION_FEE_CENTS + imagesCents,
    visionFeeCents: VISION_FEE_CENTS,
    imagesCents,
    perSize,
    hasUnknownResolution: perSize.some((size) => size.resolutionUnknown),
  };
}

/**
 * The job log's sentence for a request priced where fal named no tier (null when it named every one). Such an image
 * is recorded at the 4K price: FAL.md's prices are fixed per tier but fal's choice of tier is unpublished, so the
 * quote's top (our reading of that choice) is not a bound fal promises; 4K is the most it charges for any image.
 * `sizes` are the request's targets in `results` order.
 */
export function unreportedTierNote(price: RequestPrice, sizes: readonly string[]): string | null {
  const unknown = price.perSize.filter((size) => size.resolutionUnknown && size.imageCount > 0);
  if (unknown.length === 0) return null;
  const named = unknown.map((size) => `${sizes[size.index] ?? `size ${size.index + 1}`}${size.reportedResolution ? ` ("${size.reportedResolution}")` : ''}`);
  return (
    `fal named no known tier for ${named.join(', ')}: recorded at the 4K price ($0.30 an image), the most fal charges an image, ` +
    'so spend is never under-counted; this can be above the quote, which assumed fal names the tier it used'
  );
}

/** "4k", " 2K " -> the tier; anything else -> null. */
function normalizeResolution(value: string | null): FalResolution | null {
  const upper = value?.trim().toUpperCase();
  return upper === '1K' || upper === '2K' || upper === '4K' ? upper : null;
}
