import { z } from 'zod';
import { ByIdSchema, CentsSchema, HostPathSchema, IdSchema } from '../schemas/common';
import { JobDetailSchema, JobPageSchema, JobQuerySchema, JobSchema } from '../schemas/job';
import { verb } from './verb';

/** Jobs: one source image resized with one profile version. */
export const jobVerbs = {
  enqueuePaths: verb({
    summary: 'Queues files or folders (drops, uploads) with a profile, through the same intake as hot folders.',
    input: z.strictObject({
      paths: z.array(HostPathSchema).min(1, 'Nothing to queue.').max(10_000, 'At most 10,000 paths at once.'),
      profileId: IdSchema,
      /** Make every size locally first and send nothing to fal until approved (approvals.*). */
      reviewFirst: z.boolean().optional(),
      /** Write this batch's outputs under this folder instead of beside the sources (inside the allowed places). */
      outputFolder: HostPathSchema.optional(),
      /**
       * The most the person agreed this drop may cost at fal (the maximum the confirmation showed). Paid work that may
       * cost more than the threshold (Settings) is refused without it, or when it is below what the drop may cost now.
       */
      confirmedMaxCents: CentsSchema.optional(),
    }),
    output: z.object({
      jobIds: z.array(IdSchema),
      /** Paths that made no job, with the reason (not an image, already done with this profile, ...). */
      skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
    }),
  }),
  discardUploads: verb({
    summary: "Removes uploads the page handed over but did not queue (a drop's question cancelled): only files in the headless host's inbox that no job reads.",
    input: z.strictObject({ paths: z.array(HostPathSchema).min(1, 'Nothing to discard.').max(10_000, 'At most 10,000 paths at once.') }),
    output: z.object({
      removed: z.int().nonnegative(),
      /** Paths left where they are, with the reason (not an upload, already handed to the queue). */
      kept: z.array(z.object({ path: z.string(), reason: z.string() })),
    }),
  }),
  query: verb({ summary: 'A page of jobs, newest first, filtered.', input: JobQuerySchema, output: JobPageSchema }),
  detail: verb({ summary: 'One job with its log and fal request ids.', input: ByIdSchema, output: JobDetailSchema }),
  retry: verb({ summary: 'Queues a failed or cancelled job again.', input: ByIdSchema, output: JobSchema }),
  makeAnyway: verb({
    summary: 'Makes a skipped copy anyway: the record becomes a queued job, paid like any other.',
    input: ByIdSchema,
    output: JobSchema,
  }),
  cancel: verb({ summary: 'Cancels a pending job (and its fal request).', input: ByIdSchema, output: JobSchema }),
};
