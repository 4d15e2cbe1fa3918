import { z } from 'zod';

/** One problem with an input, at a dotted field path ("draft.sizes.0.width"; "" for the whole input). */
const FieldIssueSchema = z.object({ path: z.string(), message: z.string() });

/** How every transport carries a refusal: a stable code, a message for people, field issues for forms. */
export const ApiErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(FieldIssueSchema).optional(),
});

export type FieldIssue = z.infer<typeof FieldIssueSchema>;
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
