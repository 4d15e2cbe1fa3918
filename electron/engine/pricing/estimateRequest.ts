import { SmartResizeError } from '../../domain/errors';
import { possibleTiers, type FalResolution, type SizePolicy, type TargetSize } from '../../domain/sizes';
import { VISION_FEE_CENTS, imagePriceCents } from './falPrices';

/** A size to estimate; `policy` defaults to `fal` (the size is certainly sent). */
export interface EstimateSize extends TargetSize {
  readonly policy?: SizePolicy;
}

/** The request options the price depends on. */
export interface EstimateOptions {
  /** 1..4 images per target, as sent in `num_images_per_size`. */
  readonly numImagesPerSize: number;
  /** The `resolution` hint (minimum tier). */
  readonly resolution: FalResolution;
}

/** The price range of one size. */
interface SizeEstimate {
  readonly size: TargetSize;
  readonly policy: SizePolicy;
  /** The tiers fal may use, or null when the size is made locally for certain. */
  readonly tiers: { readonly min: FalResolution; readonly max: FalResolution } | null;
  readonly minCents: number;
  readonly maxCents: number;
}

/** A min..max price before sending, in integer US cents; equal ends mean the price is certain. */
export interface RequestEstimate {
  readonly minCents: number;
  readonly maxCents: number;
  readonly perSize: readonly SizeEstimate[];
}

/**
 * Estimates one smart-resize request carrying all the given sizes. Each fal size costs its image count at the
 * cheapest..dearest tier fal may pick (possibleTiers). `local` sizes are free. `auto` sizes may end up local, so
 * they add nothing to the minimum; if every size may stay local, the minimum is 0 because no request is sent at
 * all, and the vision fee only counts toward the maximum.
 * Throws SmartResizeError('size_not_coverable_by_fal') for a fal/auto size fal cannot make.
 */
export function estimateRequest(sizes: readonly EstimateSize[], options: EstimateOptions): RequestEstimate {
  const { numImagesPerSize: count, resolution } = options;
  if (!Number.isInteger(count) || count < 1 || count > 4) {
    throw new RangeError(`numImagesPerSize must be a whole number from 1 to 4, got ${count}`);
  }
  if (sizes.length === 0) throw new SmartResizeError('invalid_size', 'No sizes to estimate.');
  const perSize = sizes.map((size): SizeEstimate => {
    const policy = size.policy ?? 'fal';
    const target = { width: size.width, height: size.height };
    if (policy === 'local') return { size: target, policy, tiers: null, minCents: 0, maxCents: 0 };
    const tiers = possibleTiers(target, resolution);
    const maxCents = count * imagePriceCents(tiers.max);
    const minCents = policy === 'auto' ? 0 : count * imagePriceCents(tiers.min);
    return { size: target, policy, tiers, minCents, maxCents };
  });
  const certainlySent = perSize.some((size) => size.policy === 'fal');
  const maybeSent = perSize.some((size) => size.policy !== 'local');
  const sum = (pick: (size: SizeEstimate) => number) => perSize.reduce((total, size) => total + pick(size), 0);
  return {
    minCents: sum((size) => size.minCents) + (certainlySent ? VISION_FEE_CENTS : 0),
    maxCents: sum((size) => size.maxCents) + (maybeSent ? VISION_FEE_CENTS : 0),
    perSize,
  };
}
