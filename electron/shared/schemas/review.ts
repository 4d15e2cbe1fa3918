import { z } from 'zod';
import { FILL_STYLE_NAMES } from '../../domain/outputLayout';
import { PROVIDERS } from '../../domain/providers';
import { VERSION_CAUSES } from '../../domain/versionCauses';
import { HostPathSchema, IdSchema, TimestampSchema } from './common';
import { OutputLayoutSchema, SourceBoxSchema } from './outputLayout';

/** One file of a job: an output, or the app's copy of an earlier version of one. */
export const JobFileRefSchema = z.strictObject({ jobId: IdSchema, path: HostPathSchema });

/** An image as the page shows it at 1:1: its exact bytes as a data URL, and its pixel size. */
export const FullImageSchema = z.object({
  dataUrl: z.string(),
  width: z.int().positive(),
  height: z.int().positive(),
  bytes: z.int().nonnegative(),
});

export type FullImage = z.infer<typeof FullImageSchema>;

/** A nudge: one output made again from a window the person dragged over the source (upright source pixels). */
export const NudgeInputSchema = JobFileRefSchema.extend({ window: SourceBoxSchema }).strict();

/** An earlier version of one output to put back at its path. */
export const RestoreInputSchema = JobFileRefSchema.extend({ version: z.int().positive() }).strict();

/**
 * A method switch: one output made again locally as a cover crop (the best one for its subject) or as the whole
 * source padded to the size, filled in a style (default: the output's current fill, else the profile's).
 */
export const SwitchMethodInputSchema = JobFileRefSchema.extend({ method: z.enum(['crop', 'pad']), fill: z.enum(FILL_STYLE_NAMES).optional() }).strict();

/** One kept making of one output. */
export const OutputVersionSchema = z.object({
  target: z.string(),
  imageIndex: z.int().nonnegative(),
  version: z.int().positive(),
  cause: z.enum(VERSION_CAUSES),
  /** Who made this version (a restored fal making is fal's again). */
  provider: z.enum(PROVIDERS),
  /** fal's reported tier of a fal-made version; null for the local engine's. */
  tier: z.string().nullable(),
  layout: OutputLayoutSchema.nullable(),
  bytes: z.int().nonnegative(),
  createdAt: TimestampSchema,
  /** True for the version the output file holds now. */
  current: z.boolean(),
});

/** Every kept version of a job's outputs, by size, image and version (empty until a size is fixed). */
export const OutputVersionListSchema = z.object({ versions: z.array(OutputVersionSchema) });

export type OutputVersion = z.infer<typeof OutputVersionSchema>;

/** The price of re-running one size at fal, from the pricing module: the ledger's charge is always within it. */
const FalRerunQuoteSchema = z.object({
  /** What the ledger records when fal names the cheapest tier it may pick. */
  minCents: z.int().nonnegative(),
  /** The most the ledger can record (its images at 4K: an answer naming no tier is recorded at 4K's price). */
  maxCents: z.int().nonnegative(),
  /** fal's per-request fee inside both bounds (the size goes alone, so it is paid again). */
  visionFeeCents: z.int().nonnegative(),
  images: z.int().positive(),
  /** Why it is a range, in words ("fal may bill the 4K tier: ..."); null when it is one price. */
  reason: z.string().nullable(),
});

/** Whether an output can be re-run at fal now, its price, and why not (no key, budget, job not done...). */
export const FalRerunOfferSchema = z.object({
  size: z.string(),
  quote: FalRerunQuoteSchema.nullable(),
  /** Null when it can go now. */
  reason: z.string().nullable(),
});

/** A re-run at fal done: the new version the file holds, the request, and what the ledger recorded for it. */
export const FalRerunDoneSchema = OutputVersionSchema.extend({
  requestId: z.string(),
  costCents: z.int().nonnegative(),
});

