import { z } from 'zod';
import { FAL_MAX_HEIGHT, FAL_MAX_WIDTH, isFalCoverable } from '../../domain/sizes/nanoBananaPresets';
import { IdSchema, TimestampSchema } from './common';
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
  ProfileNameSchema,
  QualitySchema,
  SafetyToleranceSchema,
  SeedSchema,
  SizePolicySchema,
  VariantKeepSchema,
  VariantNamingSchema,
  refuseDuplicateSizes,
  sideSchema,
} from './profileFields';

export { CollisionPolicySchema, SizePolicySchema } from './profileFields';

/**
 * One target size of a profile. A size that may go to fal (`fal` or `auto`) must fit one of fal's 4K canvases,
 * so the editor refuses it at the field instead of fal refusing it after a paid upload.
 */
const ProfileSizeSchema = z
  .object({ width: sideSchema('width'), height: sideSchema('height'), policy: SizePolicySchema, placement: PlacementIdSchema.optional() })
  .superRefine((size, ctx) => {
    const mismatch = placementPixelsProblem(size);
    if (mismatch) ctx.addIssue({ code: 'custom', path: ['width'], message: mismatch });
    if (size.policy === 'local' || isFalCoverable(size)) return;
    ctx.addIssue({
      code: 'custom',
      path: [size.width > FAL_MAX_WIDTH || size.height <= FAL_MAX_HEIGHT ? 'width' : 'height'],
      message: `fal cannot make ${size.width}x${size.height} (largest canvases: ${FAL_MAX_WIDTH} px wide, ${FAL_MAX_HEIGHT} px tall). Choose "local" for this size.`,
    });
  });

/** How outputs are encoded: format (or auto), quality, an optional weight budget, and whether rights metadata is copied. */
const ProfileOutputSchema = z.object({
  format: ProfileFormatSchema,
  quality: QualitySchema,
  maxKB: MaxKbSchema.optional(),
  copyMetadata: z.boolean().optional(),
});

const ProfileNamingSchema = z.object({
  template: z.string().trim().min(1, 'A naming template is required.').max(300, 'The template is too long.'),
  collision: CollisionPolicySchema,
});

/** Every option of fal's smart-resize except the image and sizes, which come from the job and the size list. */
const ProfileFalOptionsSchema = z.object({
  prompt: FalPromptSchema,
  numImagesPerSize: ImagesPerSizeSchema,
  resolution: FalResolutionSchema,
  safetyTolerance: SafetyToleranceSchema,
  seed: SeedSchema.optional(),
  /** With several images per size: choose one per file (the others in variants/ or not kept), or A/B files. */
  variants: z.object({ keep: VariantKeepSchema, naming: VariantNamingSchema }).optional(),
});

/** What a person edits: everything of a profile except its identity and version. */
export const ProfileDraftSchema = z
  .object({
    name: ProfileNameSchema,
    sizes: z.array(ProfileSizeSchema).min(1, 'Add at least one size.').max(PROFILE_SIZES_MAX, `At most ${PROFILE_SIZES_MAX} sizes per profile.`),
    output: ProfileOutputSchema,
    naming: ProfileNamingSchema,
    fal: ProfileFalOptionsSchema,
  })
  .superRefine((draft, ctx) => refuseDuplicateSizes(draft.sizes, ctx, (index) => ['sizes', index, 'width']));

/** A saved profile. Editing makes a new `version`, so jobs keep pointing at the settings they ran with. */
export const ProfileSchema = z.object({
  id: IdSchema,
  name: z.string(),
  version: z.int().positive(),
  sizes: z.array(ProfileSizeSchema),
  output: ProfileOutputSchema,
  naming: ProfileNamingSchema,
  fal: ProfileFalOptionsSchema,
  builtIn: z.boolean(),
  /** A team preset: shared with the team through its database (PostgreSQL store), edits reach every instance. */
  shared: z.boolean().optional(),
  /** Was a team preset until its sharing stopped: this instance's own copy now, not shared again under its id. */
  sharingStopped: z.boolean().optional(),
  updatedAt: TimestampSchema,
});

/**
 * What an import did: `created` (new), `unchanged` (an identical profile has the name: nothing saved), `renamed`
 * (saved beside it as "Name (imported)"), `new_version` (saved over it as its next version), or `conflict` (a
 * different profile has the name and nothing was saved yet; `profile` is that one, `canReplace` false for a preset).
 */
export const ProfileImportSchema = z.object({
  outcome: z.enum(['created', 'unchanged', 'renamed', 'new_version', 'conflict']),
  profile: ProfileSchema,
  canReplace: z.boolean(),
});

/** A built-in starting point (Meta feed/stories, IAB display, YouTube, ...). */
export const ProfilePresetSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string(),
  draft: ProfileDraftSchema,
});

export type SizePolicy = z.infer<typeof SizePolicySchema>;
export type ProfileSize = z.infer<typeof ProfileSizeSchema>;
export type ProfileDraft = z.infer<typeof ProfileDraftSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfilePreset = z.infer<typeof ProfilePresetSchema>;
export type ProfileImport = z.infer<typeof ProfileImportSchema>;
