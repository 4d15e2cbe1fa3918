import { z } from 'zod';
import { CentsSchema, IdSchema } from './common';
import { SizePolicySchema } from './profile';
import { LOCAL_ONLY_REASONS } from '../../domain/localOnlyReasons';

export const EstimateInputSchema = z.strictObject({
  profileId: IdSchema,
  fileCount: z.int().min(1, 'Estimate at least one file.').max(100_000),
});

/** One size of the estimate: its policy, and the range it may cost per source image (0..0 for local). */
const EstimateSizeSchema = z.object({
  width: z.int().positive(),
  height: z.int().positive(),
  policy: SizePolicySchema,
  minCents: CentsSchema,
  maxCents: CentsSchema,
});

/** The cost range of a batch before it starts; a range because fal's tier for a size is only known afterwards. */
export const EstimateSchema = z.object({
  fileCount: z.int().positive(),
  minCents: CentsSchema,
  maxCents: CentsSchema,
  sizes: z.array(EstimateSizeSchema),
  /** Set when every size will be made locally whatever its policy (so the batch is free), with why; else null. */
  localOnly: z.enum(LOCAL_ONLY_REASONS).nullable().default(null),
});

export type EstimateInput = z.infer<typeof EstimateInputSchema>;
export type Estimate = z.infer<typeof EstimateSchema>;
