import { z } from 'zod';
import { IdSchema, NoInputSchema, TimestampSchema } from '../schemas/common';
import { BudgetPatchSchema, BudgetSchema, HeldWorkSchema, LedgerRowSchema, SpendRangeSchema, SpendSummarySchema } from '../schemas/spend';
import { verb } from './verb';

/** Spend: the exact ledger, its totals, budgets, and work held for the person's go-ahead. */
export const spendVerbs = {
  summary: verb({ summary: 'Totals against the caps, by day, profile and folder, savings, most expensive jobs.', input: SpendRangeSchema, output: SpendSummarySchema }),
  ledger: verb({
    summary: 'Ledger rows, newest first, paged.',
    input: z.strictObject({
      since: TimestampSchema.optional(),
      until: TimestampSchema.optional(),
      cursor: z.string().max(200).optional(),
      limit: z.int().min(1).max(1000),
    }),
    output: z.object({ rows: z.array(LedgerRowSchema), nextCursor: z.string().nullable() }),
  }),
  exportCsv: verb({ summary: 'The ledger as CSV text with a file name.', input: SpendRangeSchema, output: z.object({ fileName: z.string(), csv: z.string() }) }),
  held: verb({ summary: 'Jobs waiting for budget: bursts to approve, jobs over a cap.', input: NoInputSchema, output: HeldWorkSchema }),
  releaseBurst: verb({
    summary: 'Lets a held burst go ahead (folderId null: dropped files).',
    input: z.strictObject({ folderId: IdSchema.nullable() }),
    output: z.object({ released: z.int().nonnegative() }),
  }),
  discardBurst: verb({
    summary: 'Cancels a held burst: nothing is sent or paid.',
    input: z.strictObject({ folderId: IdSchema.nullable() }),
    output: z.object({ cancelled: z.int().nonnegative() }),
  }),
};

/** Budget caps and the burst rule. */
export const budgetVerbs = {
  get: verb({ summary: 'Daily, monthly and per-folder caps, and the burst rule.', input: NoInputSchema, output: BudgetSchema }),
  update: verb({ summary: 'Changes caps or the burst rule; raising a cap releases what it held.', input: BudgetPatchSchema, output: BudgetSchema }),
};
