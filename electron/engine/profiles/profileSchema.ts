import { z } from 'zod';
import { COLLISION_POLICIES, DEFAULT_NAMING_TEMPLATE, OUTPUT_FORMATS, parseNamingTemplate } from '../output';
import { FAL_RESOLUTIONS, LOCAL_MAX_SIDE, SIZE_POLICIES, falCoverageProblem, formatTargetSize } from '../sizes';

/** Longest profile name; matches the API contract in electron/shared so both sides accept the same names. */
export const PROFILE_NAME_MAX = 80;
/** Most sizes one profile may hold (fal takes at most 10 per request; the job pipeline splits larger sets). */
export const PROFILE_SIZES_MAX = 40;

const side = (name: string) =>
  z
    .int(`The ${name} must be a whole number of pixels.`)
    .min(1, `The ${name} must be at least 1 pixel.`)
    .max(LOCAL_MAX_SIDE, `The ${name} can be at most ${LOCAL_MAX_SIDE} pixels.`);

/** One target size and who makes it. Sizes that may go to fal (`fal`, `auto`) must fit one of fal's 4K canvases. */
export const ProfileSizeSchema = z
  .object({ width: side('width'), height: side('height'), policy: z.enum(SIZE_POLICIES).default('auto') })
  .superRefine((size, ctx) => {
    const problem = size.policy === 'local' ? undefined : falCoverageProblem(size);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem} Set this size to "local".` });
  });

/** How outputs are encoded. Quality applies to JPEG and WebP. */
export const ProfileOutputSchema = z.object({
  format: z.enum(OUTPUT_FORMATS).default('png'),
  quality: z.int('Quality must be a whole number.').min(1, 'Quality is 1 to 100.').max(100, 'Quality is 1 to 100.').default(90),
});

/** Where outputs go (a template under the output root, see electron/engine/output) and what to do on a clash. */
export const ProfileNamingSchema = z.object({
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
  collision: z.enum(COLLISION_POLICIES).default('suffix'),
});

/** fal smart-resize options other than the image and the sizes (FAL.md gives the ranges and defaults). */
export const ProfileFalOptionsSchema = z.object({
  prompt: z.string().max(5000, 'The prompt can be at most 5000 characters.').default(''),
  numImagesPerSize: z.int('Images per size must be a whole number.').min(1, 'At least 1 image per size.').max(4, 'At most 4 images per size.').default(1),
  resolution: z.enum(FAL_RESOLUTIONS).default('1K'),
  safetyTolerance: z.enum(['1', '2', '3', '4', '5', '6']).default('4'),
  seed: z.int('The seed must be a whole number.').min(0, 'The seed cannot be negative.').max(2_147_483_647, 'The seed is too large.').optional(),
});

/** Everything a person chooses for a profile, with defaults filled in; identity and version come from the store. */
export const ProfileContentSchema = z.object({
  name: z.string().trim().min(1, 'Give the profile a name.').max(PROFILE_NAME_MAX, `The name can be at most ${PROFILE_NAME_MAX} characters.`),
  sizes: z
    .array(ProfileSizeSchema)
    .min(1, 'Add at least one size.')
    .max(PROFILE_SIZES_MAX, `At most ${PROFILE_SIZES_MAX} sizes per profile.`)
    .superRefine((sizes, ctx) => {
      const seen = new Set<string>();
      sizes.forEach((size, index) => {
        const key = formatTargetSize(size);
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], message: `${key} is already in the list.` });
        seen.add(key);
      });
    }),
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
export type ProfileSize = z.output<typeof ProfileSizeSchema>;
export type ProfileOutput = z.output<typeof ProfileOutputSchema>;
export type ProfileNaming = z.output<typeof ProfileNamingSchema>;
export type ProfileFalOptions = z.output<typeof ProfileFalOptionsSchema>;
