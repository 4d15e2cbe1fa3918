import { z } from 'zod';
import { PreflightCountsSchema } from './preflight';
import { CentsSchema, IdSchema, TimestampSchema } from './common';

/**
 * Spend as the UI sees it. Every amount is in whole US cents (integers), so totals are exact sums of ledger rows.
 * `charge` rows price a finished fal request from what fal reported; `may_be_billed` rows are 422 failures and
 * requests cancelled while fal ran them, which fal may still bill (GPU time was spent), shown apart; `saving` rows record what fal would have cost for sizes the local
 * engine made for free under the `auto` policy (never counted as spend).
 */
const LedgerKindSchema = z.enum(['charge', 'may_be_billed', 'saving']);

export const LedgerRowSchema = z.object({
  id: z.int().positive(),
  at: TimestampSchema,
  kind: LedgerKindSchema,
  cents: CentsSchema,
  jobId: IdSchema,
  sourceName: z.string(),
  requestId: z.string().nullable(),
  profileId: IdSchema,
  profileName: z.string(),
  folderId: IdSchema.nullable(),
  /** Output images this row covers, and their tiers as fal reported them ("2x1K, 1x4K"). */
  images: z.int().nonnegative(),
  tiers: z.string(),
});

const SpendPeriodSchema = z.object({ spentCents: CentsSchema, capCents: CentsSchema.nullable() });

export const SpendSummarySchema = z.object({
  today: SpendPeriodSchema,
  week: SpendPeriodSchema,
  month: SpendPeriodSchema,
  /** Everything charged in the asked range (all time when no range). */
  totalCents: CentsSchema,
  mayBeBilledCents: CentsSchema,
  /** Held for requests in flight (their maximum estimate), released or settled when results arrive. */
  reservedCents: CentsSchema,
  savingsCents: CentsSchema,
  outputs: z.int().nonnegative(),
  /** totalCents / outputs, rounded to the cent; null with no outputs. */
  centsPerOutput: CentsSchema.nullable(),
  byDay: z.array(z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), cents: CentsSchema })),
  byProfile: z.array(z.object({ profileId: IdSchema, name: z.string(), cents: CentsSchema })),
  byFolder: z.array(z.object({ folderId: IdSchema.nullable(), path: z.string().nullable(), cents: CentsSchema })),
  mostExpensive: z.array(z.object({ jobId: IdSchema, sourceName: z.string(), cents: CentsSchema, at: TimestampSchema })),
  /** Outputs written in the range by preflight verdict (local and fal alike). */
  preflight: PreflightCountsSchema.optional(),
});

export const SpendRangeSchema = z
  .strictObject({ since: TimestampSchema.optional(), until: TimestampSchema.optional() })
  .optional();

export const BudgetSchema = z.object({
  dailyCapCents: CentsSchema.nullable(),
  monthlyCapCents: CentsSchema.nullable(),
  folderCaps: z.array(z.object({ folderId: IdSchema, capCents: CentsSchema })),
  /** A hot folder receiving more than `burstFiles` files within `burstWindowMinutes` holds them and asks (unless trusted). */
  burstFiles: z.int().min(1).max(100_000),
  burstWindowMinutes: z.int().min(1).max(1440),
});

export const BudgetPatchSchema = BudgetSchema.partial().strict();

/** Jobs held in waiting_budget, grouped by why (a cap reached, or a burst awaiting the person's go-ahead). */
export const HeldWorkSchema = z.object({
  burst: z.array(z.object({ folderId: IdSchema.nullable(), jobs: z.int().positive(), minCents: CentsSchema, maxCents: CentsSchema })),
  cap: z.object({ jobs: z.int().nonnegative(), reason: z.string().nullable() }),
});

export type LedgerRow = z.infer<typeof LedgerRowSchema>;
export type SpendSummary = z.infer<typeof SpendSummarySchema>;
export type Budget = z.infer<typeof BudgetSchema>;
export type BudgetPatch = z.infer<typeof BudgetPatchSchema>;
export type HeldWork = z.infer<typeof HeldWorkSchema>;
