import { ByIdSchema, NoInputSchema } from '../schemas/common';
import { DecideSizesSchema, JobApprovalsSchema, OpenReviewsSchema, SizesDecidedSchema } from '../schemas/approvals';
import { verb } from './verb';

/** Review first: a job's paid sizes with their quotes, and the person's approval (nothing goes to fal before). */
export const approvalVerbs = {
  list: verb({ summary: "A job's paid sizes awaiting approval, each with fal's price, and the total to send them.", input: ByIdSchema, output: JobApprovalsSchema }),
  open: verb({
    summary: 'The review-first jobs not decided yet: awaiting approval, and still making their previews (approved ahead, they go straight on).',
    input: NoInputSchema,
    output: OpenReviewsSchema,
  }),
  approve: verb({
    summary: 'Approves paid sizes (all pending, or the named ones) of jobs awaiting approval: they go to fal, within the budget. Jobs still previewing are approved ahead.',
    input: DecideSizesSchema,
    output: SizesDecidedSchema,
  }),
  decline: verb({
    summary: 'Declines paid sizes of jobs awaiting approval: nothing is sent for them, their local previews stay the outputs.',
    input: DecideSizesSchema,
    output: SizesDecidedSchema,
  }),
};
