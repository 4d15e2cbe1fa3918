import { z } from 'zod';
import { JOB_STATES, type JobState } from '../../domain/jobStates';
import { PAUSE_CAUSES } from '../../domain/pauseCauses';
import { TimestampSchema } from './common';

/** `paused` by the person or by a bad key; `offline` while fal cannot be reached. */
const QueueRunStateSchema = z.enum(['running', 'paused', 'offline']);

/** Who paused the queue (electron/domain/pauseCauses): the person, or fal refusing the key. */
const PauseCauseSchema = z.enum(PAUSE_CAUSES);

const countsShape = Object.fromEntries(JOB_STATES.map((state) => [state, z.int().nonnegative()])) as Record<
  JobState,
  z.ZodInt
>;

/** Number of jobs in each state. */
const JobCountsSchema = z.object(countsShape);

/**
 * The run since the queue was last empty: "`finished` of `total`", started at `startedAt`. The UI derives the ETA
 * from it; null while nothing is pending.
 */
const QueueBatchSchema = z.object({
  total: z.int().nonnegative(),
  finished: z.int().nonnegative(),
  startedAt: TimestampSchema,
});

export const QueueStateSchema = z.object({
  state: QueueRunStateSchema,
  /** Why the queue is paused; null unless `state` is `paused`. Saving a key resumes only an `auth` pause. */
  pauseCause: PauseCauseSchema.nullable(),
  /** Why the queue is paused or offline, in words for the person ("fal refused the key: User is locked"). */
  reason: z.string().nullable(),
  online: z.boolean(),
  counts: JobCountsSchema,
  batch: QueueBatchSchema.nullable(),
});

export type JobCounts = z.infer<typeof JobCountsSchema>;
export type QueueBatch = z.infer<typeof QueueBatchSchema>;
export type QueueState = z.infer<typeof QueueStateSchema>;
