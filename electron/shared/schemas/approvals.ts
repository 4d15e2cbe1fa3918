import { z } from 'zod';
import { CentsSchema, IdSchema } from './common';

/** One paid size of a review-first job: what fal would charge for it and the person's decision. */
const SizeApprovalSchema = z.object({
  /** The target, "WxH". */
  size: z.string(),
  decision: z.enum(['pending', 'approved', 'declined']),
  /** fal's price for this size's images at the cheapest..dearest tier it may pick (equal when known). */
  minCents: CentsSchema,
  maxCents: CentsSchema,
  /** Why it is a range or several images ("fal picks 2K or 4K", "2 variants"); null when exact. */
  reason: z.string().nullable(),
  /** True once fal made it (it replaced the local preview). */
  made: z.boolean(),
});

/** A job's paid sizes in review, and what sending them costs (fal's vision fee once per request included). */
export const JobApprovalsSchema = z.object({
  jobId: IdSchema,
  /** False for a job not made in review-first mode (then `sizes` is empty). */
  reviewFirst: z.boolean(),
  sizes: z.array(SizeApprovalSchema),
  /** fal's fee per request, paid once for the sizes sent together. */
  feeCents: CentsSchema,
  /** Approving every pending size now: one request per 10 sizes, fee included. */
  pendingTotal: z.object({ minCents: CentsSchema, maxCents: CentsSchema }),
});

/** Approve or decline: whole jobs (a batch is its jobs), or only some sizes of them. */
export const DecideSizesSchema = z.strictObject({
  jobIds: z.array(IdSchema).min(1, 'No job to decide.').max(10_000, 'At most 10,000 jobs at once.'),
  /** Only these sizes ("WxH") of each job; absent: every pending size. */
  sizes: z.array(z.string().regex(/^\d+x\d+$/, 'A size is written WxH, like 1080x1920.')).min(1).max(100).optional(),
});

/** What a decision did, per job; a job that could not be decided is listed with the reason, the others still are. */
export const SizesDecidedSchema = z.object({
  decided: z.array(z.object({ jobId: IdSchema, state: z.string(), sizes: z.array(z.string()) })),
  /**
   * Review-first jobs still making their previews: the decision is recorded on them and applied when their previews
   * are done (an approved one then goes straight on to fal).
   */
  ahead: z.array(IdSchema),
  refused: z.array(z.object({ jobId: IdSchema, reason: z.string() })),
});

/**
 * The review-first jobs not decided yet, oldest first: what approving "the whole batch" covers. A job approved ahead
 * keeps its place in `previewing` until its previews are made (it then goes straight on to fal).
 */
export const OpenReviewsSchema = z.object({
  /** Awaiting approval now, with quotes to show. */
  awaiting: z.array(IdSchema),
  /** Still making their previews (not priced yet), with any decision already recorded ahead on them. */
  previewing: z.array(z.object({ jobId: IdSchema, ahead: z.enum(['approved', 'declined']).nullable() })),
});
