import { z } from 'zod';
import { CentsSchema, HostPathSchema, IdSchema } from './common';
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

/** The files or folders of a drop, as jobs.enqueuePaths will be given them, and its profile. */
export const DropQuoteInputSchema = z.strictObject({
  paths: z.array(HostPathSchema).min(1, 'Nothing to quote.').max(10_000, 'At most 10,000 paths at once.'),
  profileId: IdSchema,
});

/**
 * A drop's images by content, for files not on the host's disk yet (a browser's staged files, before upload): each
 * file's sha256 (lowercase hex, the job dedupe key's content half), or null for one the page could not read.
 */
export const DropContentsQuoteInputSchema = z.strictObject({
  contents: z
    .array(z.string().regex(/^[0-9a-f]{64}$/, 'A content is the sha256 of the file, in lowercase hex.').nullable())
    .min(1, 'Nothing to quote.')
    .max(10_000, 'At most 10,000 files at once.'),
  profileId: IdSchema,
});

/**
 * What a drop may cost at fal at most, counted as jobs.enqueuePaths counts it for the confirmation threshold: each
 * new image content once (a folder's images included), copies of images already made with this profile version
 * left out (dedupe skips them, nothing is paid).
 */
export const DropQuoteSchema = z.object({
  /** Images that would make new (paid) jobs. */
  images: z.int().nonnegative(),
  /** Images left out: copies of contents already made with this profile version, or repeated in the drop. */
  alreadyMade: z.int().nonnegative(),
  minCents: CentsSchema,
  maxCents: CentsSchema,
  /** The threshold in Settings (null: never ask). */
  confirmAboveCents: CentsSchema.nullable(),
  /** True when jobs.enqueuePaths refuses these paths (unless review first) without confirmedMaxCents of at least maxCents. */
  confirmationRequired: z.boolean(),
  /** Set when every size will be made locally (so the drop is free), with why; else null. */
  localOnly: z.enum(LOCAL_ONLY_REASONS).nullable(),
});

export type EstimateInput = z.infer<typeof EstimateInputSchema>;
export type DropQuoteInput = z.infer<typeof DropQuoteInputSchema>;
export type DropContentsQuoteInput = z.infer<typeof DropContentsQuoteInputSchema>;
export type DropQuote = z.infer<typeof DropQuoteSchema>;
export type Estimate = z.infer<typeof EstimateSchema>;
