import { z } from 'zod';
import { JOB_STATES, type JobState } from '../../domain/jobStates';
import { PAUSE_CAUSES } from '../../domain/pauseCauses';
import { TimestampSchema } from './common';
import { BATCH_BLOCK_CAUSES } from '../../domain/batchBlock';

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

/** What stops a batch from moving, in place of a time left. */
const BatchBlockSchema = z.object({
  cause: z.enum(BATCH_BLOCK_CAUSES),
  /** The engine's words for it ("Daily budget $3.50 reached", "fal is unreachable"), when it has them. */
  reason: z.string().nullable(),
});

/**
 * The run since the queue was last empty, as the engine counts it: `total` only grows as work arrives (a job
 * retried by the person arrives again), `finished` only rises (done, failed or cancelled), `startedAt` stays put.
 * Once everything has finished the batch stays, with `endedAt`, until new work starts the next one. Null before
 * any work arrived in this run of the app.
 */
const QueueBatchSchema = z.object({
  total: z.int().nonnegative(),
  finished: z.int().nonnegative(),
  /** Of `finished`, how many failed and how many were cancelled. */
  failed: z.int().nonnegative(),
  cancelled: z.int().nonnegative(),
  startedAt: TimestampSchema,
  endedAt: TimestampSchema.nullable(),
  /**
   * When the engine expects the batch to finish, from the pace of the jobs finished so far (while nothing blocked
   * them); null until a few have finished, while blocked, and once ended.
   */
  etaAt: TimestampSchema.nullable(),
  blocked: BatchBlockSchema.nullable(),
});

/** An instance of the team connected to the same database. */
const ConnectedInstanceSchema = z.object({ name: z.string(), host: z.string(), lastSeenAt: TimestampSchema });

/**
 * Where jobs, history and spend live: `sqlite` (one person, the data folder) or `postgres` (a team's shared
 * database: one queue, one ledger, one budget), whether it answers and who is connected to it.
 */
const StoreStatusSchema = z.object({
  kind: z.enum(['sqlite', 'postgres']),
  /** The SQLite file, or the team database's URL without its password. */
  location: z.string(),
  /** This instance's name in the team ("made by" in History); null on SQLite. */
  instance: z.string().nullable(),
  reachable: z.boolean(),
  unreachableSince: TimestampSchema.nullable(),
  connected: z.array(ConnectedInstanceSchema),
  /** Files this instance found while the team database did not answer, kept in its data folder until it does. */
  keptFiles: z.int().nonnegative().optional(),
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
  /** The job store; absent from hosts that do not say. */
  store: StoreStatusSchema.optional(),
});

export type JobCounts = z.infer<typeof JobCountsSchema>;
export type QueueBatch = z.infer<typeof QueueBatchSchema>;
export type BatchBlock = z.infer<typeof BatchBlockSchema>;
export type QueueState = z.infer<typeof QueueStateSchema>;
export type StoreStatus = z.infer<typeof StoreStatusSchema>;
