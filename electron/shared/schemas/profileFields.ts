import { z } from 'zod';
import { COLLISION_POLICIES, PROFILE_FORMATS } from '../../domain/outputFormats';
import { findPlacement } from '../../domain/placements';
import { FAL_RESOLUTIONS } from '../../domain/sizes/nanoBananaPresets';
import { SIZE_POLICIES } from '../../domain/sizes/sizePolicy';
import { LOCAL_MAX_SIDE } from '../../domain/sizes/targetSize';

/**
 * The rules of a profile's fields, one copy for both sides: the engine's stored profiles (which add defaults and
 * the checks that need engine code, such as the naming template) and the API contract's draft (what the editor
 * validates at each field). A limit or message changed here changes both.
 */

/** Longest profile name. */
export const PROFILE_NAME_MAX = 80;
/** Most sizes one profile may hold (fal takes at most 10 per request; the job pipeline splits larger sets). */
export const PROFILE_SIZES_MAX = 40;

/** Who renders one size: fal's smart-resize, the free local engine, or local when a crop keeps the subject. */
export const SizePolicySchema = z.enum(SIZE_POLICIES);
/** A profile's format: a fixed encoding or `auto` (decided per output from its pixels and placement). */
export const ProfileFormatSchema = z.enum(PROFILE_FORMATS);
export const CollisionPolicySchema = z.enum(COLLISION_POLICIES);
export const FalResolutionSchema = z.enum(FAL_RESOLUTIONS);
export const SafetyToleranceSchema = z.enum(['1', '2', '3', '4', '5', '6']);

/** One side of a target size, in pixels. */
export const sideSchema = (side: 'width' | 'height') =>
  z
    .int(`The ${side} must be a whole number of pixels.`)
    .min(1, `The ${side} must be at least 1 pixel.`)
    .max(LOCAL_MAX_SIDE, `The ${side} can be at most ${LOCAL_MAX_SIDE} pixels.`);

export const ProfileNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the profile a name.')
  .max(PROFILE_NAME_MAX, `The name can be at most ${PROFILE_NAME_MAX} characters.`);

/** JPEG and WebP quality. */
export const QualitySchema = z.int('Quality must be a whole number.').min(1, 'Quality is 1 to 100.').max(100, 'Quality is 1 to 100.');

/** fal's smart-resize options (FAL.md gives the ranges). */
export const FalPromptSchema = z.string().max(5000, 'The prompt can be at most 5000 characters.');
export const ImagesPerSizeSchema = z.int('Images per size must be a whole number.').min(1, 'At least 1 image per size.').max(4, 'At most 4 images per size.');
/** Where fal's variants not chosen for a size's file go: a `variants/` folder beside it, or nowhere (the app keeps its own copy). */
export const VariantKeepSchema = z.enum(['subfolder', 'discard'], { error: 'Use "subfolder" (a variants/ folder beside the output) or "discard" (not kept beside the outputs).' });
/** `choose`: one file per size and the person picks its variant; `ab`: every variant is its own deliverable (name_A, name_B). */
export const VariantNamingSchema = z.enum(['choose', 'ab'], { error: 'Use "choose" (one file per size, a variant picked for it) or "ab" (each variant its own file, name_A, name_B).' });
export const SeedSchema = z.int('The seed must be a whole number.').min(0, 'The seed cannot be negative.').max(2_147_483_647, 'The seed is too large.');

/** Adds an issue at each size that repeats an earlier one (`path` says where the issue goes for size `index`). */
export function refuseDuplicateSizes(
  sizes: ReadonlyArray<{ width: number; height: number }>,
  ctx: z.RefinementCtx,
  path: (index: number) => Array<string | number>,
): void {
  const seen = new Set<string>();
  sizes.forEach((size, index) => {
    const key = `${size.width}x${size.height}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: path(index), message: `${key} is already in the list.` });
    seen.add(key);
  });
}

/** A placement id a size row may name instead of bare pixels (see electron/domain/placements). */
export const PlacementIdSchema = z
  .string()
  .trim()
  .refine((id) => findPlacement(id) !== undefined, { message: 'No placement has this id; `smart-resize specs` lists them (for example iab-300x250).' });

/** A profile's own file-weight budget for every size, in KB (1000 bytes). */
export const MaxKbSchema = z.int('The weight budget must be a whole number of KB.').min(1, 'The weight budget is at least 1 KB.').max(100_000, 'The weight budget can be at most 100000 KB.');

/** A row naming a placement gets the placement's pixels when it gives none (so `{ placement: "iab-300x250" }` is a row). */
export function withPlacementPixels(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('placement' in value)) return value;
  const row = value as { placement?: unknown; width?: unknown; height?: unknown };
  const spec = typeof row.placement === 'string' ? findPlacement(row.placement) : undefined;
  if (!spec) return value;
  return { ...row, placement: spec.id, width: row.width ?? spec.width, height: row.height ?? spec.height };
}

/** The problem with a row whose pixels differ from its placement's, or undefined. */
export function placementPixelsProblem(size: { width: number; height: number; placement?: string }): string | undefined {
  const spec = size.placement ? findPlacement(size.placement) : undefined;
  if (!spec || (spec.width === size.width && spec.height === size.height)) return undefined;
  return `${spec.id} is ${spec.width}x${spec.height}: remove the placement to use ${size.width}x${size.height}.`;
}
