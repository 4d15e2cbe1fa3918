import type { TargetSize } from '../../domain/sizes/targetSize';
import { estimateRequest, VISION_FEE_CENTS } from '../pricing';
import type { Profile } from '../profiles';
import { falRequestSizes } from '../jobs/falCanvases';

/** The price of re-running one size at fal, shown before it is sent. */
export interface FalRerunQuote {
  /** Equal to maxCents when the tier fal will use is certain: the ledger then records exactly this. */
  readonly minCents: number;
  readonly maxCents: number;
  /** The per-request vision fee inside both bounds (one request carries only this size, so it is paid again). */
  readonly visionFeeCents: number;
  /** How many images fal makes for the size (the profile's variants). */
  readonly images: number;
}

/**
 * What one size costs sent to fal alone, from the same pricing module the ledger prices results with: its images
 * at the tiers fal may pick for it (a far-aspect size is asked as its covering canvas, as the job runner asks it),
 * plus the request's vision fee.
 */
export function quoteFalRerun(profile: Profile, target: TargetSize): FalRerunQuote {
  const asked = falRequestSizes([target], profile.fal).map((size) => ({ ...size, policy: 'fal' as const }));
  const estimate = estimateRequest(asked, profile.fal);
  return { minCents: estimate.minCents, maxCents: estimate.maxCents, visionFeeCents: VISION_FEE_CENTS, images: profile.fal.numImagesPerSize };
}
