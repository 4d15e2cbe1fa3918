import { MAX_SIZES_PER_REQUEST } from '../fal/smartResizeInput';
import { formatTargetSize, type TargetSize } from '../../domain/sizes/targetSize';
import { estimateRequest, type EstimateOptions } from './estimateRequest';
import { VISION_FEE_CENTS } from './falPrices';

/** A paid size's price before it is sent: its images at the cheapest..dearest tier fal may pick, in cents. */
export interface SizePriceQuote {
  /** The target, "WxH". */
  readonly size: string;
  readonly minCents: number;
  readonly maxCents: number;
  /** Why it is a range or more than one image; null when the price is one image at one known tier. */
  readonly reason: string | null;
}

/**
 * Quotes each size a review-first job would send to fal. `requestSizes` are what fal is asked for per target (the
 * target, or the preset canvas of a far-aspect target: see jobs/falCanvases), in the targets' order. The price is
 * fal's own formula (pricing/falPrices) over the tiers fal may pick (possibleTiers), so a known tier's quote is the
 * ledger's later charge to the cent; the request's vision fee is not in a size's quote (see quoteRequests).
 */
export function quoteSizes(targets: readonly TargetSize[], requestSizes: readonly TargetSize[], options: EstimateOptions): SizePriceQuote[] {
  if (targets.length === 0) return [];
  const estimate = estimateRequest(requestSizes, options);
  return targets.map((target, index) => {
    const size = estimate.perSize[index]!;
    const reasons: string[] = [];
    // Only 4K is priced differently: a 1K-or-2K choice is still one price.
    if (size.tiers && size.minCents !== size.maxCents) reasons.push(`fal picks ${size.tiers.min} or ${size.tiers.max}: the price is known once it answers`);
    if (options.numImagesPerSize > 1) reasons.push(`${options.numImagesPerSize} variants, each paid`);
    return { size: formatTargetSize(target), minCents: size.minCents, maxCents: size.maxCents, reason: reasons.length > 0 ? reasons.join('; ') : null };
  });
}

/**
 * What sending these quoted sizes costs: their quotes plus fal's vision fee once per request (a request carries at
 * most 10 sizes), the same requests the job runner then sends.
 */
export function quoteRequests(quotes: readonly Pick<SizePriceQuote, 'minCents' | 'maxCents'>[]): { minCents: number; maxCents: number; requests: number } {
  const requests = Math.ceil(quotes.length / MAX_SIZES_PER_REQUEST);
  const sum = (pick: 'minCents' | 'maxCents') => quotes.reduce((total, quote) => total + quote[pick], 0) + requests * VISION_FEE_CENTS;
  return { minCents: sum('minCents'), maxCents: sum('maxCents'), requests };
}
