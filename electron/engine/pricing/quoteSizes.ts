import { MAX_SIZES_PER_REQUEST } from '../fal/smartResizeInput';
import { formatTargetSize, type TargetSize } from '../../domain/sizes/targetSize';
import { estimateRequest, type EstimateOptions } from './estimateRequest';
import { IMAGE_4K_PRICE_CENTS, VISION_FEE_CENTS } from './falPrices';

/**
 * A paid size's price before it is sent, in cents: from its images at the cheapest tier fal may pick up to what the
 * ledger can record for them, 4K's price (an answer naming no tier is recorded at 4K: see priceFinishedRequest).
 */
export interface SizePriceQuote {
  /** The target, "WxH". */
  readonly size: string;
  readonly minCents: number;
  readonly maxCents: number;
  /** Why it is a range or more than one image, in words; null only for images fal can make at 4K alone. */
  readonly reason: string | null;
}

/** Said of a quote whose top is 4K's price only because fal may name no tier (the ledger then records 4K). */
const UNNAMED_TIER_REASON = 'fal may bill the 4K tier: an answer that names no tier is recorded at the 4K price';

/**
 * Quotes each size a review-first job would send to fal. `requestSizes` are what fal is asked for per target (the
 * target, or the preset canvas of a far-aspect target: see jobs/falCanvases), in the targets' order. The price is
 * fal's own formula (pricing/falPrices): the minimum at the cheapest tier fal may pick (possibleTiers), which is the
 * ledger's later charge to the cent when fal names that tier; the maximum at 4K, because an answer that names no
 * tier is recorded at 4K's price, so what the ledger records is always within the range. The request's vision fee is
 * not in a size's quote (see quoteRequests).
 */
export function quoteSizes(targets: readonly TargetSize[], requestSizes: readonly TargetSize[], options: EstimateOptions): SizePriceQuote[] {
  if (targets.length === 0) return [];
  const estimate = estimateRequest(requestSizes, options);
  return targets.map((target, index) => {
    const size = estimate.perSize[index]!;
    const reasons: string[] = [];
    // Only 4K is priced differently: a 1K-or-2K choice is still one price.
    if (size.tiers && size.minCents !== size.maxCents) reasons.push(`fal picks ${size.tiers.min} or ${size.tiers.max}: the price is known once it answers`);
    // The top the ledger can record: every image at 4K. Said only when the tiers fal may pick leave it out.
    const topCents = options.numImagesPerSize * IMAGE_4K_PRICE_CENTS;
    if (size.maxCents < topCents) reasons.push(UNNAMED_TIER_REASON);
    if (options.numImagesPerSize > 1) reasons.push(`${options.numImagesPerSize} variants, each paid`);
    return { size: formatTargetSize(target), minCents: size.minCents, maxCents: Math.max(size.maxCents, topCents), reason: reasons.length > 0 ? reasons.join('; ') : null };
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
