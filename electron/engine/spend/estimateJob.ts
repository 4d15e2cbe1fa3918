import { batchTargets } from '../fal/smartResizeInput';
import { falRequestSizes } from '../jobs/falCanvases';
import { estimateRequest, quoteRequests, quoteSizes, VISION_FEE_CENTS, IMAGE_PRICE_CENTS } from '../pricing';
import type { Profile } from '../profiles';
import type { JobProvider } from '../store';
import type { TargetSize } from '../../domain/sizes/targetSize';

/** What one source image may cost with a profile, in integer cents. */
export interface JobEstimate {
  readonly minCents: number;
  readonly maxCents: number;
}

/** The cheapest request fal can bill: the vision fee and one image below 4K. */
export const CHEAPEST_REQUEST_CENTS = VISION_FEE_CENTS + IMAGE_PRICE_CENTS;

/**
 * The min..max price of one image with a profile, counting each request of at most 10 sizes (each pays the vision
 * fee). The minimum counts only sizes certainly sent (`fal`) at the cheapest tier fal may pick. The maximum is the
 * most the ledger can record for every size that may be sent (`fal`, `auto`): each image at 4K's price, since an
 * answer naming no tier is recorded at 4K (pricing/priceFinishedRequest), the review-first quote's own top. A drop's
 * confirmation, the claim's reservation and each request's admission hold to it, so what the ledger records never
 * exceeds what the person confirmed nor crosses a cap. The tiers fal may pick would give a lower top, but it is our
 * reading of an unpublished rule, not a bound: the maximum is the one the charge cannot pass. A job recorded as
 * local, or run without fal, costs nothing.
 */
export function estimateJob(profile: Profile, provider: JobProvider = 'mixed'): JobEstimate {
  if (provider === 'local') return { minCents: 0, maxCents: 0 };
  const certain = profile.sizes.filter((size) => size.policy === 'fal');
  const possible = profile.sizes.filter((size) => size.policy !== 'local');
  const minCents = batchTargets(certain).reduce((total, batch) => total + estimateRequest(batch as typeof certain, profile.fal).minCents, 0);
  return { minCents, maxCents: requestsTopCents(possible, profile) };
}

/**
 * The most the ledger can record for sending these targets to fal, in the requests the job runner sends (at most 10
 * sizes each, each with its vision fee): the top of their review-first quote (pricing/quoteSizes).
 */
function requestsTopCents(targets: readonly TargetSize[], profile: Profile): number {
  return batchTargets(targets).reduce((total, batch) => total + quoteRequests(quoteSizes(batch, falRequestSizes(batch, profile.fal), profile.fal)).maxCents, 0);
}
