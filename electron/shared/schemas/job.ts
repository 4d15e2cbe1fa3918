import { z } from 'zod';
import { JOB_STATES } from '../../domain/jobStates';
import { JOB_PROVIDERS, PROVIDERS } from '../../domain/providers';
import { CentsSchema, HostPathSchema, IdSchema, TimestampSchema } from './common';
import { PreflightResultSchema } from './preflight';
import { FalResolutionSchema } from './profileFields';
import { OutputLayoutSchema, PixelSizeSchema } from './outputLayout';

// The states and their groups live in electron/domain (one list for the engine's state machine, the contract and
// the UI); the contract only validates them.
const JobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobStateSchema>;

const ProviderSchema = z.enum(PROVIDERS);

/** One written output file. `target` is the requested size ("1080x1350"); width/height are what was written. */
const JobOutputSchema = z.object({
  path: HostPathSchema,
  width: z.int().positive(),
  height: z.int().positive(),
  target: z.string(),
  provider: ProviderSchema,
  /** The tier fal reported for this output; null for local outputs. */
  tier: FalResolutionSchema.nullable(),
  /** The size was set to fal but the local engine made it (no fal key, or fal turned off): "asked for fal, made locally". */
  askedForFal: z.boolean().default(false),
  /** File size in bytes and encoding as written (`auto` profiles choose per output); absent for old outputs. */
  bytes: z.int().nonnegative().optional(),
  format: z.enum(['png', 'jpeg', 'webp']).nullable().optional(),
  /** The preflight of the file against its placement; null for outputs written before preflight existed. */
  preflight: PreflightResultSchema.nullable().optional(),
  /** The local layout this file was made by (its frame on the source); null for fal's recompositions and old outputs. */
  layout: OutputLayoutSchema.nullable().default(null),
});

/** Why a job failed or is waiting, with a stable code and fal's or the engine's own words. */
const JobErrorSchema = z.object({ code: z.string(), message: z.string() });

export const JobSchema = z.object({
  id: IdSchema,
  state: JobStateSchema,
  sourcePath: HostPathSchema,
  sourceName: z.string(),
  profileId: IdSchema,
  profileVersion: z.int().positive(),
  /** Null for drops and CLI runs. */
  folderId: IdSchema.nullable(),
  /**
   * Who made the outputs: once some are written, the engines that wrote them (`mixed` when both did); before
   * that, the plan (`mixed` while per-size `auto` is still to decide). Null until decided.
   */
  provider: z.enum(JOB_PROVIDERS).nullable(),
  progress: z.number().min(0).max(1),
  attempts: z.int().nonnegative(),
  error: JobErrorSchema.nullable(),
  createdAt: TimestampSchema,
  startedAt: TimestampSchema.nullable(),
  finishedAt: TimestampSchema.nullable(),
  /**
   * When the engine last changed the job (state or progress): a UI holding two copies of a row keeps the newer,
   * so an answer that left the host before an event never undoes it.
   */
  updatedAt: TimestampSchema,
  /** When a `retry_scheduled` job will run again. */
  retryAt: TimestampSchema.nullable(),
  outputs: z.array(JobOutputSchema),
  /** What fal charged, from the tiers it reported; null for local jobs or before results arrive. */
  costCents: CentsSchema.nullable(),
  /**
   * For a copy of content already made with this profile version (a `skipped` record, or one made anyway): the
   * first job of that content, which History links to. Null (or absent) for a first job.
   */
  duplicateOf: z
    .object({ id: IdSchema, sourceName: z.string(), state: JobStateSchema, finishedAt: TimestampSchema.nullable() })
    .nullable()
    .optional(),
  /** The team instance that worked the job (a team's shared store); absent or null on one person's. */
  madeBy: z.string().nullable().optional(),
});

/** One line of a job's event log. */
const JobLogEntrySchema = z.object({ at: TimestampSchema, state: JobStateSchema, message: z.string() });

/** A job with what the detail view shows beyond the list row. */
export const JobDetailSchema = JobSchema.extend({
  falRequestIds: z.array(z.string()),
  log: z.array(JobLogEntrySchema),
  /**
   * Tries that started: the first run, each automatic retry and each retry the person asked for (waiting for the
   * network or a restart continues a try). `attempts` counts only the automatic retries of the current round.
   */
  attemptsMade: z.int().nonnegative(),
  /** How long the last round took, from its first try's start (after creation or the person's retry) to the end. */
  tookMs: z.int().nonnegative().nullable(),
  /** Outputs the job recorded whose files are no longer on disk (moved or deleted since). */
  missingOutputs: z.array(HostPathSchema),
  /** The source's upright pixel size (the frames of the job view are in these pixels); null when it cannot be read. */
  source: PixelSizeSchema.nullable().default(null),
});

/** The fields an event carries when a job moves or progresses. */
export const JobChangeSchema = JobSchema.pick({
  id: true,
  updatedAt: true,
  state: true,
  progress: true,
  attempts: true,
  error: true,
  startedAt: true,
  finishedAt: true,
  retryAt: true,
});

/** Filters and keyset paging of the history: newest first, `cursor` is the previous page's `nextCursor`. */
export const JobQuerySchema = z.strictObject({
  states: z.array(JobStateSchema).max(JOB_STATES.length).optional(),
  folderId: IdSchema.optional(),
  profileId: IdSchema.optional(),
  since: TimestampSchema.optional(),
  until: TimestampSchema.optional(),
  /** Matched case-insensitively against the source name and path. */
  search: z.string().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.int().min(1).max(500),
});

export const JobPageSchema = z.object({ items: z.array(JobSchema), nextCursor: z.string().nullable() });

export type JobOutput = z.infer<typeof JobOutputSchema>;
export type Job = z.infer<typeof JobSchema>;
export type JobDetail = z.infer<typeof JobDetailSchema>;
export type JobChange = z.infer<typeof JobChangeSchema>;
export type JobQuery = z.infer<typeof JobQuerySchema>;
export type JobPage = z.infer<typeof JobPageSchema>;
