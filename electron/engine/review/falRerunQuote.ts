import type { TargetSize } from '../../domain/sizes/targetSize';
import { quoteRequests, quoteSizes, VISION_FEE_CENTS } from '../pricing';
import type { Profile } from '../profiles';
import { falRequestSizes } from '../jobs/falCanvases';

/** The price of re-running one size at fal, shown before it is sent. */
export interface FalRerunQuote {
  /** What the ledger records when fal names the cheapest tier it may pick. */
  readonly minCents: number;
  /** The most the ledger can record: its images at 4K (an answer naming no tier is recorded at 4K's price). */
  readonly maxCents: number;
  /** The per-request vision fee inside both bounds (one request carries only this size, so it is paid again). */
  readonly visionFeeCents: number;
  /** How many images fal makes for the size (the profile's variants). */
  readonly images: number;
  /** Why the price is a range, in words ("fal may bill the 4K tier: ..."); null when it is one price. */
  readonly reason: string | null;
}

/**
 * What one size costs sent to fal alone, with the review quote's own pricing (pricing/quoteSizes): its images from
 * the cheapest tier fal may pick (a far-aspect size is asked as its covering canvas, as the job runner asks it) up to
 * 4K, plus the request's vision fee. The ledger's charge for it is always within the range.
 */
export function quoteFalRerun(profile: Profile, target: TargetSize): FalRerunQuote {
  const quotes = quoteSizes([target], falRequestSizes([target], profile.fal), profile.fal);
  const total = quoteRequests(quotes);
  return { minCents: total.minCents, maxCents: total.maxCents, visionFeeCents: VISION_FEE_CENTS, images: profile.fal.numImagesPerSize, reason: quotes[0]?.reason ?? null };
}
