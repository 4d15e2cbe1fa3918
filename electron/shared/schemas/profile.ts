import { z } from 'zod';
import { LOCAL_MAX_SIDE } from '../../engine/sizes/targetSize';
import { FAL_MAX_HEIGHT, FAL_MAX_WIDTH, isFalCoverable } from '../../engine/sizes/nanoBananaPresets';
import { IdSchema, TimestampSchema } from './common';

/** Who renders one size: fal's smart-resize, the free local engine, or local when a crop keeps the subject. */
export const SizePolicySchema = z.enum(['fal', 'local', 'auto']);
export const OutputFormatSchema = z.enum(['png', 'jpeg', 'webp']);
export const CollisionPolicySchema = z.enum(['suffix', 'overwrite', 'skip']);
export const FalResolutionSchema = z.enum(['1K', '2K', '4K']);
export const SafetyToleranceSchema = z.enum(['1', '2', '3', '4', '5', '6']);

const sideSchema = (side: string) =>
  z
    .int(`The ${side} must be a whole number of pixels.`)
    .min(1, `The ${side} must be at least 1 pixel.`)
    .max(LOCAL_MAX_SIDE, `The ${side} can be at most ${LOCAL_MAX_SIDE} pixels.`);

/**
 * One target size of a profile. A size that may go to fal (`fal` or `auto`) must fit one of fal's 4K canvases,
 * so the editor refuses it at the field instead of fal refusing it after a paid upload.
 */
export const ProfileSizeSchema = z
  .object({ width: sideSchema('width'), height: sideSchema('height'), policy: SizePolicySchema })
  .superRefine((size, ctx) => {
    if (size.policy === 'local' || isFalCoverable(size)) return;
    ctx.addIssue({
      code: 'custom',
      path: [size.width > FAL_MAX_WIDTH || size.height <= FAL_MAX_HEIGHT ? 'width' : 'height'],
      message: `fal cannot make ${size.width}x${size.height} (largest canvases: ${FAL_MAX_WIDTH} px wide, ${FAL_MAX_HEIGHT} px tall). Choose "local" for this size.`,
    });
  });

export const ProfileOutputSchema = z.object({
  format: OutputFormatSchema,
  quality: z.int('Quality must be a whole number.').min(1, 'Quality is 1 to 100.').max(100, 'Quality is 1 to 100.'),
});

export const ProfileNamingSchema = z.object({
  template: z.string().trim().min(1, 'A naming template is required.').max(300, 'The template is too long.'),
  collision: CollisionPolicySchema,
});

/** Every option of fal's smart-resize except the image and sizes, which come from the job and the size list. */
export const ProfileFalOptionsSchema = z.object({
  prompt: z.string().max(5000, 'The prompt can be at most 5000 characters.'),
  numImagesPerSize: z.int('Images per size must be a whole number.').min(1, 'At least 1 image per size.').max(4, 'At most 4 images per size.'),
  resolution: FalResolutionSchema,
  safetyTolerance: SafetyToleranceSchema,
  seed: z.int('The seed must be a whole number.').min(0, 'The seed cannot be negative.').max(2_147_483_647, 'The seed is too large.').optional(),
});

/** What a person edits: everything of a profile except its identity and version. */
export const ProfileDraftSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the profile a name.').max(80, 'The name can be at most 80 characters.'),
    sizes: z.array(ProfileSizeSchema).min(1, 'Add at least one size.').max(40, 'At most 40 sizes per profile.'),
    output: ProfileOutputSchema,
    naming: ProfileNamingSchema,
    fal: ProfileFalOptionsSchema,
  })
  .superRefine((draft, ctx) => {
    const seen = new Set<string>();
    draft.sizes.forEach((size, index) => {
      const key = `${size.width}x${size.height}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['sizes', index, 'width'], message: `${key} is already in the list.` });
      seen.add(key);
    });
  });

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
  updatedAt: TimestampSchema,
});

/** A built-in starting point (Meta feed/stories, IAB display, YouTube, ...). */
export const ProfilePresetSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string(),
  draft: ProfileDraftSchema,
});

export type SizePolicy = z.infer<typeof SizePolicySchema>;
export type OutputFormat = z.infer<typeof OutputFormatSchema>;
export type CollisionPolicy = z.infer<typeof CollisionPolicySchema>;
export type FalResolution = z.infer<typeof FalResolutionSchema>;
export type ProfileSize = z.infer<typeof ProfileSizeSchema>;
export type ProfileDraft = z.infer<typeof ProfileDraftSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfilePreset = z.infer<typeof ProfilePresetSchema>;
