import { batchTargets } from '../fal/smartResizeInput';
import { estimateRequest, VISION_FEE_CENTS, IMAGE_PRICE_CENTS } from '../pricing';
import type { Profile } from '../profiles';
import type { JobProvider } from '../store';

/** What one source image may cost with a profile, in integer cents. */
export interface JobEstimate {
  readonly minCents: number;
  readonly maxCents: number;
}

/** The cheapest request fal can bill: the vision fee and one image below 4K. */
export const CHEAPEST_REQUEST_CENTS = VISION_FEE_CENTS + IMAGE_PRICE_CENTS;

/**
 * The min..max price of one image with a profile, counting each request of at most 10 sizes (each pays the vision
 * fee). The minimum counts only sizes certainly sent (`fal`), the maximum every size that may be (`fal`, `auto`)
 * at its dearest tier. A job recorded as local, or run without fal, costs nothing.
 */
export function estimateJob(profile: Profile, provider: JobProvider = 'mixed'): JobEstimate {
  if (provider === 'local') return { minCents: 0, maxCents: 0 };
  const certain = profile.sizes.filter((size) => size.policy === 'fal');
  const possible = profile.sizes.filter((size) => size.policy !== 'local');
  const sum = (sizes: typeof possible, pick: 'minCents' | 'maxCents') =>
    batchTargets(sizes).reduce((total, batch) => total + estimateRequest(batch as typeof possible, profile.fal)[pick], 0);
  return { minCents: sum(certain, 'minCents'), maxCents: sum(possible, 'maxCents') };
}
