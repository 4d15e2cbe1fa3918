import { z } from 'zod';
import { IdSchema } from './common';

/** One of fal's variants of a size: by job, size ("1080x1350") and 0-based variant (0 is A). */
export const VariantRefSchema = z.strictObject({
  jobId: IdSchema,
  target: z.string().regex(/^\d+x\d+$/, 'A size is written WxH, e.g. 1080x1350.'),
  variant: z.int().min(0).max(3, 'fal makes at most 4 images per size (A to D).'),
});

/** One kept variant of a size, as the large view lists it. */
const OutputVariantSchema = z.object({
  target: z.string(),
  variant: z.int().nonnegative(),
  /** "A", "B", ... */
  letter: z.string(),
  width: z.int().positive(),
  height: z.int().positive(),
  bytes: z.int().nonnegative(),
  format: z.string().nullable(),
  tier: z.string().nullable(),
  /** True for the variant the output file holds now (none after the size was re-made locally). */
  chosen: z.boolean(),
  /** Its copy in the variants/ folder beside the output; null when none is kept there (chosen, or `discard`). */
  sparePath: z.string().nullable(),
});

/** Every kept variant of a job's sizes (empty when fal made one image per size, or in A/B mode). */
export const OutputVariantListSchema = z.object({ variants: z.array(OutputVariantSchema) });

export type OutputVariant = z.infer<typeof OutputVariantSchema>;
