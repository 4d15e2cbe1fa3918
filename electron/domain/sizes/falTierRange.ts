import {
  FAL_RESOLUTIONS,
  assertFalCoverable,
  closestAspectPreset,
  presetCovers,
  presetsForTier,
  type FalResolution,
} from './nanoBananaPresets';
import type { TargetSize } from './targetSize';

/** The cheapest and the dearest tier fal may pick for one target; equal when the outcome is certain. */
export interface FalTierRange {
  readonly min: FalResolution;
  readonly max: FalResolution;
}

/**
 * Which tier(s) fal may use for a target, given the `resolution` hint sent with the request.
 *
 * fal says it picks "the smallest nano-banana-pro preset that fully covers" each target, never lower than the
 * hint, but how it weighs aspect ratio against size is unpublished. Two readings bound every plausible rule:
 * - Size first: any aspect ratio may be used (the crop discards the rest), so the lowest tier where ANY preset
 *   covers the target is enough. Nothing can be cheaper than this: it is `min`.
 * - Shape first: fal keeps the aspect ratio closest to the target's (log-ratio distance, so it crops least) and
 *   climbs tiers until that preset covers. This is the most a sensible rule climbs: it is `max`. When even the
 *   4K preset of that shape is too small, fal has to fall back to another shape at 4K, so `max` is 4K.
 * Prices differ only at 4K, so an estimate built on this range is exact whenever both ends agree on "4K or not".
 * Throws SmartResizeError('size_not_coverable_by_fal') for targets no 4K preset covers.
 */
export function possibleTiers(size: TargetSize, resolutionHint: FalResolution = '1K'): FalTierRange {
  assertFalCoverable(size);
  const candidates = FAL_RESOLUTIONS.slice(FAL_RESOLUTIONS.indexOf(resolutionHint));
  const min = candidates.find((tier) => presetsForTier(tier).some((preset) => presetCovers(preset, size))) ?? '4K';
  const fromMin = candidates.slice(candidates.indexOf(min));
  const max = fromMin.find((tier) => presetCovers(closestAspectPreset(size, tier), size)) ?? '4K';
  return { min, max };
}
