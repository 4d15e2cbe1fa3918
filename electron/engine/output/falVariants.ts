import { basename, dirname, extname, join } from 'node:path';
import { variantLetter } from '../../domain/variantLetters';

/** A profile's choice for sizes fal made several images of (see the profile's `fal.variants`). */
export interface VariantPolicy {
  readonly keep: 'subfolder' | 'discard';
  readonly naming: 'choose' | 'ab';
}

/**
 * A request's images split for `choose`: each size's first image is its deliverable (named as if it were the only
 * one, so it lands at the template path) and every image of a size with several is a variant to keep. With `ab`
 * (or one image per size) every image is a deliverable and nothing is a variant.
 */
export function splitVariants<T extends { readonly imageIndex?: number; readonly imageCount?: number }>(
  images: readonly T[],
  policy: VariantPolicy,
): { deliverables: T[]; variants: T[] } {
  const several = (image: T) => (image.imageCount ?? 1) > 1;
  if (policy.naming === 'ab') return { deliverables: [...images], variants: [] };
  return {
    deliverables: images.filter((image) => (image.imageIndex ?? 1) === 1).map((image) => (several(image) ? { ...image, imageCount: 1 } : image)),
    variants: images.filter(several),
  };
}

/** Where a variant not chosen waits beside its size's output: `<output's folder>/variants/<name>_<letter>.<ext>`. */
export function sparePathFor(outputPath: string, variant: number): string {
  const ext = extname(outputPath);
  return join(dirname(outputPath), 'variants', `${basename(outputPath, ext)}_${variantLetter(variant)}${ext}`);
}

/**
 * The app's own copy of a variant, in the data folder: `variants/<job>/<WxH>/<letter>.<ext>` for the set of the
 * job's first request (batch 0), `variants/<job>/<WxH>/set-<N>/<letter>.<ext>` for another request's set.
 */
export function keptVariantPath(dataDir: string, ref: { jobId: string; target: string; variantSet: number; variant: number; ext: string }): string {
  const folder = join(dataDir, 'variants', ref.jobId, ref.target, ...(ref.variantSet === 0 ? [] : [`set-${ref.variantSet}`]));
  return join(folder, `${variantLetter(ref.variant)}${ref.ext}`);
}
