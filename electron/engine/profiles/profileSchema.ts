import { z } from 'zod';
import {
  CollisionPolicySchema,
  FalPromptSchema,
  FalResolutionSchema,
  ImagesPerSizeSchema,
  MaxKbSchema,
  PROFILE_SIZES_MAX,
  PlacementIdSchema,
  ProfileFormatSchema,
  placementPixelsProblem,
  withPlacementPixels,
  ProfileNameSchema,
  QualitySchema,
  SafetyToleranceSchema,
  SeedSchema,
  SizePolicySchema,
  VariantKeepSchema,
  VariantNamingSchema,
  refuseDuplicateSizes,
  sideSchema,
} from '../../shared/schemas/profileFields';
import { FILL_STYLES } from '../composition/fills/fillStyle';
import { DEFAULT_NAMING_TEMPLATE, parseNamingTemplate } from '../output';
import { DEFAULT_FAR_ASPECT, falCoverageProblem } from '../../domain/sizes';

// The field rules are shared with the API contract's draft schema; this file adds defaults and engine-only checks.
export { PROFILE_NAME_MAX } from '../../shared/schemas/profileFields';

/**
 * One target size and who makes it: bare pixels, or a placement id that brings its pixels and constraints (weight,
 * formats, safe zone; see electron/domain/placements). Sizes that may go to fal (`fal`, `auto`) must fit one of
 * fal's 4K canvases.
 */
const ProfileSizeSchema = z
  .object({
    width: sideSchema('width').optional(),
    height: sideSchema('height').optional(),
    policy: SizePolicySchema.default('auto'),
    placement: PlacementIdSchema.optional(),
  })
  .transform((row) => withPlacementPixels(row) as typeof row)
  .pipe(
    z
      .object({ width: sideSchema('width'), height: sideSchema('height'), policy: SizePolicySchema, placement: PlacementIdSchema.optional() })
      .superRefine((size, ctx) => {
        const mismatch = placementPixelsProblem(size);
        if (mismatch) ctx.addIssue({ code: 'custom', message: mismatch });
        const problem = size.policy === 'local' ? undefined : falCoverageProblem(size);
        if (problem) ctx.addIssue({ code: 'custom', message: `${problem} Set this size to "local".` });
      }),
  );

/** How padded layouts are filled (see composition/fills); `colour` is the brand colour of the `solid` style. */
const ProfileFillSchema = z.object({
  style: z.enum(FILL_STYLES).default('blur'),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Write the colour as #rrggbb, for example #1a2b3c.')
    .optional(),
});

/**
 * How outputs are encoded and padded. Quality applies to JPEG and WebP (and is the ceiling of a weight-budget search);
 * `maxKB` is a budget for every size (a placement's own limit applies too, the stricter wins); `copyMetadata`
 * copies the source's rights metadata (creator, copyright, credit, usage terms) to every output.
 */
const ProfileOutputSchema = z.object({
  format: ProfileFormatSchema.default('png'),
  quality: QualitySchema.default(90),
  fill: ProfileFillSchema.prefault({}),
  maxKB: MaxKbSchema.optional(),
  copyMetadata: z.boolean().default(true),
});

/** Where outputs go (a template under the output root, see electron/engine/output) and what to do on a clash. */
const ProfileNamingSchema = z.object({
  template: z
    .string()
    .default(DEFAULT_NAMING_TEMPLATE)
    .superRefine((template, ctx) => {
      try {
        parseNamingTemplate(template);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  collision: CollisionPolicySchema.default('suffix'),
});

/** fal smart-resize options other than the image and the sizes (FAL.md gives the ranges and defaults). */
const ProfileFalOptionsSchema = z.object({
  prompt: FalPromptSchema.default(''),
  numImagesPerSize: ImagesPerSizeSchema.default(1),
  resolution: FalResolutionSchema.default('1K'),
  safetyTolerance: SafetyToleranceSchema.default('4'),
  seed: SeedSchema.optional(),
  /**
   * Targets whose aspect is beyond the widest or tallest preset: fal is asked for the covering preset itself and the
   * exact size is cut here around the subject (same price: one output per size), instead of fal's centre crop.
   */
  farAspect: z
    .object({
      cropLocally: z.boolean().default(true),
      widerThan: z.number().min(1).max(100).default(DEFAULT_FAR_ASPECT.widerThan),
      tallerThan: z.number().positive().max(1).default(DEFAULT_FAR_ASPECT.tallerThan),
    })
    .prefault({}),
  /**
   * With more than one image per size (all paid for, all kept): `choose` writes one file per size, the first variant
   * until the person picks another, the rest in a `variants/` folder beside it (`keep: subfolder`) or only in the
   * app's data folder (`discard`); `ab` writes every variant as its own deliverable, name_A.ext, name_B.ext.
   */
  variants: z.object({ keep: VariantKeepSchema.default('subfolder'), naming: VariantNamingSchema.default('choose') }).prefault({}),
});

/** Everything a person chooses for a profile, with defaults filled in; identity and version come from the store. */
export const ProfileContentSchema = z.object({
  name: ProfileNameSchema,
  sizes: z
    .array(ProfileSizeSchema)
    .min(1, 'Add at least one size.')
    .max(PROFILE_SIZES_MAX, `At most ${PROFILE_SIZES_MAX} sizes per profile.`)
    .superRefine((sizes, ctx) => refuseDuplicateSizes(sizes, ctx, (index) => [index])),
  output: ProfileOutputSchema.prefault({}),
  naming: ProfileNamingSchema.prefault({}),
  fal: ProfileFalOptionsSchema.prefault({}),
});

/** A saved profile version. Editing makes a new version; old ones stay readable since jobs point at (id, version). */
export const ProfileSchema = ProfileContentSchema.extend({
  id: z.string().min(1).max(200),
  version: z.int().min(1),
  /** When version 1 was made. */
  createdAt: z.iso.datetime(),
  /** When this version was made. */
  updatedAt: z.iso.datetime(),
});

/** What create() and import accept: optional parts fall back to defaults. */
export type ProfileInput = z.input<typeof ProfileContentSchema>;
/** A profile's content with every default filled in. */
export type ProfileContent = z.output<typeof ProfileContentSchema>;
/** One stored version of a profile. */
export type Profile = z.output<typeof ProfileSchema>;
