import type { PreflightResult } from '../../domain/placements';
import type { JobState } from '../../domain/jobStates';
import type { JobProvider, Provider } from '../../domain/providers';
import type { OutputLayout } from '../../domain/outputLayout';
import type { VersionCause } from '../../domain/versionCauses';

export type { JobProvider };

/** How a job came in: a watched folder's event, a drop on the window, a file sent to the headless host, the CLI, or the reconcile scan. */
export type JobOrigin = 'folder' | 'drop' | 'upload' | 'cli' | 'reconcile';

/** A job row. Times are epoch milliseconds. */
export interface JobRecord {
  readonly id: string;
  /** Hash of the source bytes; with the profile id and version it is the dedupe key. */
  readonly contentHash: string;
  readonly profileId: string;
  readonly profileVersion: number;
  readonly sourcePath: string;
  readonly sourceName: string;
  readonly sourceSize: number;
  /** The watched folder's id from settings; null for drops and the CLI. */
  readonly folderId: string | null;
  readonly origin: JobOrigin;
  readonly provider: JobProvider;
  readonly state: JobState;
  /** Why the job is in its state, for people ("waiting for network", "retry after HTTP 503"). */
  readonly stateReason: string | null;
  /** Retryable failures since the job was created or last retried by the user (waiting for network never counts). */
  readonly attempts: number;
  /** When a `retry_scheduled` job may run again. */
  readonly nextAttemptAt: number | null;
  /** 0..1 */
  readonly progress: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** First time a worker picked the job up. */
  readonly startedAt: number | null;
  /** When it reached done, failed or cancelled. */
  readonly finishedAt: number | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /**
   * The first job of the same content and profile version, for a `skipped` copy (and for a copy the person then
   * made anyway); null for every first job.
   */
  readonly duplicateOf: string | null;
  /** The team instance that last claimed the job to work on it ("made by" in History); null on one person's store. */
  readonly madeBy: string | null;
}

/** What intake knows when it creates a job. */
export interface NewJob {
  readonly contentHash: string;
  readonly profileId: string;
  readonly profileVersion: number;
  readonly sourcePath: string;
  readonly sourceName: string;
  readonly sourceSize: number;
  readonly folderId: string | null;
  readonly origin: JobOrigin;
  readonly provider: JobProvider;
  /**
   * Set when intake refuses the file (not an image the app takes): the job is recorded `failed` with this reason
   * at once, so the file leaves a trace in History and `jobs` without being queued.
   */
  readonly refusal?: { readonly code: string; readonly message: string };
}

/** Lifecycle of one fal request. `submitted` and `completed` are "live": the job resumes by that id. */
export type RequestState = 'submitted' | 'completed' | 'failed' | 'cancelled';

/** One fal request of a job (a profile with more than 10 fal sizes is split into batches). */
export interface JobRequestRecord {
  /** Row id; the spend ledger can reference it. */
  readonly id: number;
  readonly jobId: string;
  readonly batchIndex: number;
  readonly requestId: string;
  /** Target sizes of this request, "WxH". */
  readonly sizes: string[];
  readonly state: RequestState;
  readonly submittedAt: number;
  readonly completedAt: number | null;
}

/** Where a submit stands (see migration 005): `sending` until fal's answer, or the request, is known. */
export type SubmitState = 'sending' | 'answered' | 'adopted' | 'refused' | 'absent' | 'unverified';

/** One fal submit as recorded before it went out. */
export interface FalSubmitRecord {
  readonly id: number;
  readonly jobId: string;
  readonly batchIndex: number;
  /** The upload URL the submit carried: how the request is found in fal's request history. */
  readonly imageUrl: string;
  readonly sizes: string[];
  /** The least fal may bill for it (shown as may-be-billed while its request is unknown). */
  readonly mayBillCents: number;
  readonly state: SubmitState;
  readonly requestId: string | null;
  readonly sentAt: number;
}

/** What is recorded about a submit before it is sent. */
export interface NewFalSubmit {
  readonly jobId: string;
  readonly batchIndex: number;
  readonly imageUrl: string;
  readonly sizes: readonly string[];
  readonly mayBillCents: number;
}

/** One output file written for a job. */
export interface JobOutputRecord {
  readonly jobId: string;
  /** The target size, "WxH". */
  readonly target: string;
  /** 0-based index among the images of this size (fal's num_images_per_size). */
  readonly imageIndex: number;
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly provider: Provider;
  /** fal's reported resolution tier ("1K" | "2K" | "4K"); null for local outputs. */
  readonly tier: string | null;
  readonly bytes: number;
  /** The encoding as written (png, jpeg, webp); null for outputs recorded before formats were kept. */
  readonly format: string | null;
  /** The preflight verdict of the file; null for outputs written before preflight existed. */
  readonly preflight: PreflightResult | null;
  /** The local layout the file was made by (its frame on the source); null for fal's and for older outputs. */
  readonly layout: OutputLayout | null;
  readonly writtenAt: number;
}

/** An output as the writer reports it; the store stamps the time. Format, preflight and layout may be left out. */
export type NewJobOutput = Omit<JobOutputRecord, 'writtenAt' | 'format' | 'preflight' | 'layout'> &
  Partial<Pick<JobOutputRecord, 'format' | 'preflight' | 'layout'>>;

/** What the watcher remembers about a file so an unchanged file is neither hashed nor queued again. */
export interface SeenFileRecord {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly contentHash: string;
  readonly folderId: string | null;
  readonly firstSeenAt: number;
  readonly lastSeenAt: number;
}

/** One entry of the append-only event log. */
export interface StoreEvent {
  /** Increasing; History reads a job's log, a client may read "events after id N". */
  readonly id: number;
  readonly jobId: string | null;
  readonly at: number;
  readonly kind: string;
  readonly data: Record<string, unknown>;
  /**
   * The job as the change left it, on every event of a job pushed to listeners after its commit, so listeners need
   * not read it again. Absent on events read back from the log.
   */
  readonly job?: JobRecord;
}

/** What opening did to the schema. */
export interface MigrationReport {
  /** Versions applied by this run, in order (empty when the database was already current). */
  readonly applied: number[];
  /** The schema version after the run. */
  readonly version: number;
}

export type { VersionCause };

/** One kept making of one output file (job, size, image). */
export interface OutputVersionRecord {
  readonly id: number;
  readonly jobId: string;
  readonly target: string;
  readonly imageIndex: number;
  readonly version: number;
  readonly cause: VersionCause;
  /** Who made these bytes: a restore of a fal-made version is fal's again. */
  readonly provider: Provider;
  /** fal's reported tier for a fal-made version; null for the local engine's. */
  readonly tier: string | null;
  readonly layout: OutputLayout | null;
  /** The app's own copy of the bytes, in the data folder. */
  readonly keptPath: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly format: string | null;
  readonly preflight: PreflightResult | null;
  /** Which of fal's variant sets (its request's batch index) and which variant these bytes are; null for a local making. */
  readonly variantSet: number | null;
  readonly variant: number | null;
  readonly createdAt: number;
}

/** A version as the fixer reports it (its variant, when it is one of fal's); the store numbers and stamps it. */
export type NewOutputVersion = Omit<OutputVersionRecord, 'id' | 'version' | 'createdAt' | 'variantSet' | 'variant'> & {
  readonly variantSet?: number | null;
  readonly variant?: number | null;
};

/** One of fal's variants of a job's size (num_images_per_size > 1), kept because it was paid for. */
export interface OutputVariantRecord {
  readonly jobId: string;
  readonly target: string;
  /** The set it came in: the batch index of the fal request that made it (the run's, or a re-run's of that size). */
  readonly variantSet: number;
  /** 0-based within its set: variant 0 is "A". */
  readonly variant: number;
  /** The app's own copy of its bytes, in the data folder. */
  readonly keptPath: string;
  /** Its copy in the `variants/` folder beside the output while not chosen; null when none is kept there. */
  readonly sparePath: string | null;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly format: string | null;
  /** The tier fal reported for its result. */
  readonly tier: string | null;
  readonly preflight: PreflightResult | null;
  /** True for the variant the output file holds. */
  readonly chosen: boolean;
  readonly createdAt: number;
}

/** A variant as the writer records it; the store stamps it. */
export type NewOutputVariant = Omit<OutputVariantRecord, 'createdAt'>;

/** Where one variant's spare is now (null: none in `variants/`), as a choice records it. */
export interface VariantSpare {
  readonly variantSet: number;
  readonly variant: number;
  readonly sparePath: string | null;
}
