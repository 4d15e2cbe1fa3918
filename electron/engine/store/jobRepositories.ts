import type { JobState } from '../../domain/jobStates';
import type { PreflightCounts } from '../../domain/placements';
import type {
  FalSubmitRecord,
  JobOutputRecord,
  JobRecord,
  JobRequestRecord,
  NewFalSubmit,
  NewJob,
  NewJobOutput,
  NewOutputVariant,
  NewOutputVersion,
  OutputVariantRecord,
  VariantSpare,
  OutputVersionRecord,
  SeenFileRecord,
  StoreEvent,
} from './types';
import type { HeldJob } from './spendTypes';

// The job side of the store's interface. Every method returns a Promise: the SQLite implementation answers at once
// (libsql is synchronous underneath), a PostgreSQL one (issue 15) over the network. Methods of the store itself run
// each in their own transaction; the same methods on a transaction's handle (`store.transaction(async (tx) => ...)`)
// join that transaction.

/** Result of {@link JobRepository.insertJobIfNew}. */
export interface InsertJobResult {
  /** The new job; else the first job of this content, or the `skipped` record of this copy. */
  readonly job: JobRecord;
  /** False when a job for the same (content hash, profile id, profile version) already existed: nothing to pay. */
  readonly created: boolean;
  /** Set when `job` is a copy's record (skipped, or since made anyway): the first job of the same content. */
  readonly copyOf?: JobRecord;
}

/** Result of {@link JobRepository.cancel}. */
export interface CancelJobResult {
  readonly job: JobRecord;
  /** fal requests still running for this job: send fal's cancel for each (they are already marked cancelled). */
  readonly falRequestIdsToCancel: string[];
}

/** Optional fields written together with a state change. */
export interface TransitionPatch {
  /** Why the job is in the new state, for people. Each change replaces the previous reason (absent = none). */
  readonly reason?: string | null;
  /** Required when going to `retry_scheduled`: when the job may run again. */
  readonly nextAttemptAt?: number;
  /** A SmartResizeError code or fal's error type; kept until the user retries or the job is done. */
  readonly errorCode?: string | null;
  /** The message to show (fal's own reason text for a 422). */
  readonly errorMessage?: string | null;
  /** 0..1 (outputs written over outputs expected); defaults to 1 for `done`, unchanged otherwise. */
  readonly progress?: number;
  /**
   * Whether this move counts an attempt; default: only `retry_scheduled` does. True for `failed` after the last
   * retryable attempt; false for a `retry_scheduled` that is a wait, not a failure (the job's hot folder gone).
   */
  readonly countsAttempt?: boolean;
}

/** Creating jobs and moving them through the state machine. */
export interface JobRepository {
  /**
   * Creates a `queued` job unless one exists for the same (content hash, profile id, profile version), so a renamed,
   * copied or touched file is never paid for twice. The same file again (the first job's own path) returns that job
   * whatever its state; a failed or cancelled one is not restarted here: that is the user's `retry`. A copy under
   * another path gets a `skipped` record naming the first job (once per path), so it never vanishes in silence.
   */
  insertJobIfNew(input: NewJob): Promise<InsertJobResult>;
  /**
   * "Make anyway": the person pays for a skipped copy. The record becomes a queued job (its link to the first job
   * stays), with a fresh attempt budget.
   */
  makeAnyway(jobId: string): Promise<JobRecord>;
  /** The job, or undefined. */
  getJob(jobId: string): Promise<JobRecord | undefined>;
  /**
   * Which of these content hashes already have a job with this profile version (any state): a drop of them makes no
   * new job, only a skipped copy, so it pays nothing (the drop confirmation's maximum leaves them out).
   */
  knownContent(contentHashes: readonly string[], profileId: string, profileVersion: number): Promise<Set<string>>;
  /**
   * Moves a job to `to` if the state machine allows it (else `invalid_job_transition`; `job_not_found` for an
   * unknown id), appending the `job_state` event in the same commit. Going to `retry_scheduled` needs
   * `nextAttemptAt` and counts one attempt. A worker should treat `invalid_job_transition` after a cancel as "stop".
   */
  transition(jobId: string, to: JobState, patch?: TransitionPatch): Promise<JobRecord>;
  /** Records progress (0..1, clamped) without an event: live progress goes over the engine's in-memory bus. */
  setProgress(jobId: string, progress: number): Promise<void>;
  /**
   * A user's retry of a failed or cancelled job. Attempts restart from zero and the error is cleared. A job holding
   * a live fal request goes to `submitted` so its paid result is fetched again; otherwise it goes back to `queued`.
   */
  retry(jobId: string): Promise<JobRecord>;
  /**
   * Cancels a job in any unfinished state. Its still-running fal requests are marked cancelled and returned so the
   * caller sends fal's cancel. Completed requests stay completed: a later retry fetches their paid results.
   */
  cancel(jobId: string, reason?: string): Promise<CancelJobResult>;
}

/** Result of {@link RequestRepository.recordRequestId}. */
export interface RecordRequestResult {
  readonly request: JobRequestRecord;
  /** The job after recording (moved to `submitted` if it was uploading). */
  readonly job: JobRecord;
  /** The job was cancelled while this request was being submitted: send fal's cancel for it now. */
  readonly cancelNeeded: boolean;
}

/** How a fal request ended. */
export type RequestOutcome = 'completed' | 'failed' | 'cancelled';

/** The fal requests of jobs: the record that prevents paying twice. */
export interface RequestRepository {
  /**
   * Persists a fal request id the moment submit returns (await it before polling). An `uploading` job moves to
   * `submitted` in the same commit. The id is stored even if the job was cancelled meanwhile (then `cancelNeeded`),
   * because fal may bill it. Recording the same id again returns the existing row; a second live request for the
   * same batch is refused (`invalid_job_transition`): it would pay twice.
   */
  recordRequestId(
    jobId: string,
    batchIndex: number,
    requestId: string,
    sizes: readonly string[],
    /** The recorded submit this id answers (from fal's answer, or found in its request history): resolved in the same commit. */
    submit?: { readonly id: number; readonly how: 'answered' | 'adopted' },
  ): Promise<RecordRequestResult>;
  /**
   * Marks a running request completed (fetch, don't resubmit), failed (a retry submits that batch again) or
   * cancelled. A request that already ended keeps its first outcome.
   */
  finishRequest(requestId: string, outcome: RequestOutcome): Promise<JobRequestRecord>;
  /** Every request of a job, live or not, by batch then submission order. */
  listRequests(jobId: string): Promise<JobRequestRecord[]>;
  /** The requests a resuming job must fetch by id instead of submitting (submitted or completed). */
  liveRequests(jobId: string): Promise<JobRequestRecord[]>;
  /** The request with this fal id, or undefined. */
  findByRequestId(requestId: string): Promise<JobRequestRecord | undefined>;
  /**
   * Requests still at fal (state submitted) of jobs already done: one size re-run at fal whose result was not yet
   * written when the app stopped. They are resumed by id at start, never submitted again. Oldest first.
   */
  rerunsInFlight(): Promise<JobRequestRecord[]>;
}

/** fal submits, each recorded before it goes out with the upload URL it carries (see migration 005). */
export interface SubmitRepository {
  /** Records that a submit is about to go out. Refused (`invalid_job_transition`) while an earlier one of the batch is unresolved. */
  recordSubmitSending(submit: NewFalSubmit): Promise<FalSubmitRecord>;
  /** The batch's submit whose request is not known yet (sent, answer never stored), if any. */
  openSubmit(jobId: string, batchIndex: number): Promise<FalSubmitRecord | undefined>;
  /** Settles a submit that created no request we know of: refused by fal, absent from its history, or unverified. */
  resolveSubmit(submitId: number, outcome: 'refused' | 'absent' | 'unverified'): Promise<void>;
  /** A job's submits, oldest first. */
  listSubmits(jobId: string): Promise<FalSubmitRecord[]>;
  /** What fal may bill for submits whose request is unknown (`sending`, `unverified`), sent in the range. */
  unknownSubmitCents(range?: { readonly since?: number; readonly until?: number }): Promise<number>;
}

/** The files written for jobs. */
export interface OutputRepository {
  /** Records an output file after it was renamed into place; the same (target, image index) again replaces it. */
  addOutput(output: NewJobOutput): Promise<JobOutputRecord>;
  /** A job's outputs in target then image order. */
  listOutputs(jobId: string): Promise<JobOutputRecord[]>;
  /** True when the path is a source or an output of some job: the files the UI may preview, open or reveal. */
  isJobFile(path: string): Promise<boolean>;
  /**
   * How the recorded outputs did in preflight as written (a retry's rewrite counts once): pass / warn / fail, and
   * `unchecked` for outputs written before preflight existed.
   */
  preflightCounts(filter?: PreflightCountFilter): Promise<PreflightCounts>;
}

/** Which outputs to count: one folder's, and/or those written in [since, until). */
export interface PreflightCountFilter {
  readonly folderId?: string;
  readonly since?: number;
  readonly until?: number;
}

/** A job the scheduler may run now. */
export interface RunnableJob {
  readonly job: JobRecord;
  /** The job holds a live fal request: fetch its result by request id; never submit that batch again. */
  readonly resume: boolean;
}

/** Options of {@link JobQueue.nextRunnable} and {@link JobQueue.claimRunnable}. */
export interface RunnableOptions {
  /**
   * Whether fal is reachable (default true). Offline, only local-engine jobs are runnable and `waiting_network`
   * jobs stay put; online, `waiting_network` jobs are runnable again, so "network back" needs no extra call.
   */
  readonly networkOnline?: boolean;
  /**
   * A team's store only: the ids of the profiles this instance can make jobs of (its own and the built-ins). A job
   * of another profile is left for an instance that has it, unless the profile is a team preset (any instance fetches
   * its versions from the team). Absent: every profile (one instance, or a caller that does not care).
   */
  readonly profileIds?: readonly string[];
  /**
   * A team's store only: the ids of the hot folders this instance has (its own and the team's shared ones). A job
   * another instance's folder found is left to the instances that have that folder: here it has no output folders.
   * Absent: every folder.
   */
  readonly folderIds?: readonly string[];
}

/** One change made by {@link JobQueue.recoverInterruptedJobs}. */
export interface RecoveryAction {
  readonly jobId: string;
  readonly from: JobState;
  /** `queued` (work restarts) or `submitted` (resumes by request id); equal to `from` when only released. */
  readonly to: JobState;
}

/** The scheduler's view of the store: what may run, claiming it, holding it, and recovery at start. */
export interface JobQueue {
  /**
   * Jobs that may start now, oldest first, without claiming them: `queued`; `retry_scheduled` whose time has come;
   * `waiting_network` when online; and `submitted` jobs no worker owns (left by recovery or a requeue).
   */
  nextRunnable(now: number, limit: number, options?: RunnableOptions): Promise<RunnableJob[]>;
  /**
   * Atomically takes up to `limit` runnable jobs for workers: fresh work moves to `preparing`, a job with a live
   * request to `submitted`. Claimed jobs are owned until they leave the running states, so a second call never
   * hands out the same job.
   */
  claimRunnable(now: number, limit: number, options?: RunnableOptions): Promise<RunnableJob[]>;
  /** Going offline: every waiting fal job (queued, or an unowned submitted one) goes to `waiting_network`. */
  holdForNetwork(reason?: string): Promise<string[]>;
  /** Puts a job back in line without a worker: `submitted` if it has a live request, else `queued`. */
  requeue(jobId: string, reason: string): Promise<JobRecord>;
  /**
   * Call once at start, before any claim: jobs a previous run left in flight go back where they can safely
   * continue (before `submitted` they restart; with a live request they resume by its id, never submitted again).
   */
  recoverInterruptedJobs(): Promise<RecoveryAction[]>;
  /** Every job in `waiting_budget`, oldest first, and whether a burst (rather than a cap) holds it. */
  heldForBudget(): Promise<HeldJob[]>;
  /**
   * Whether this instance holds the job's run: the job is in a running state and, on a team's store, claimed by this
   * instance (its row locked for the rest of the unit). A run whose job was taken over after its lease ran out, or
   * ended meanwhile, holds it no more and must not move its money.
   */
  holdsRun(jobId: string): Promise<boolean>;
}

/** Largest page {@link JobHistory.queryJobs} returns. */
export const MAX_JOB_PAGE = 1000;

/** Filters and paging of the History and Queue lists. All filters combine with AND. */
export interface JobQuery {
  /** Any of these states (absent or empty: all). */
  readonly states?: readonly JobState[];
  readonly folderId?: string;
  readonly profileId?: string;
  /** Created at or after (epoch ms). */
  readonly since?: number;
  /** Created before (epoch ms). */
  readonly until?: number;
  /** Case-insensitive (ASCII) substring of the source file's name or path. */
  readonly search?: string;
  /** 1..MAX_JOB_PAGE */
  readonly limit: number;
  /** `nextCursor` of the previous page; absent for the first page. */
  readonly cursor?: string | null;
}

/** One page, newest first. */
export interface JobPage {
  readonly jobs: JobRecord[];
  /** Pass back for the next page; null when this was the last. */
  readonly nextCursor: string | null;
}

/** Everything the job detail view shows. */
export interface JobDetail {
  readonly job: JobRecord;
  readonly requests: JobRequestRecord[];
  readonly outputs: JobOutputRecord[];
  /** The job's newest events, oldest first. */
  readonly events: StoreEvent[];
}

/** Filters that narrow {@link JobHistory.countByState}. */
export interface JobCountFilter {
  readonly folderId?: string;
  readonly profileId?: string;
}

/** Read side for the UI: paged lists, counts and job detail. */
export interface JobHistory {
  /** A page of jobs, newest first, by keyset paging on (created_at, id): stable while new jobs arrive. */
  queryJobs(query: JobQuery): Promise<JobPage>;
  /** How many jobs are in each state (every state present, zero included), optionally for one folder or profile. */
  countByState(filter?: JobCountFilter): Promise<Record<JobState, number>>;
  /** The job with its fal requests, outputs and its newest `eventLimit` events; undefined for an unknown id. */
  getJobDetail(jobId: string, eventLimit?: number): Promise<JobDetail | undefined>;
}

/** The durable, append-only event log (History's job log reads it; listeners get events pushed after commit). */
export interface EventLog {
  /** Appends an event that is not tied to a store change (queue paused, online again, ...). Returns its id. */
  append(kind: string, jobId?: string | null, data?: Record<string, unknown>): Promise<number>;
  /** Events with id greater than `afterId`, oldest first (0 from the start). */
  eventsAfter(afterId: number, limit?: number): Promise<StoreEvent[]>;
  /** The id of the newest event (0 when empty). */
  lastEventId(): Promise<number>;
}

/** A file as the watcher or the reconcile scan just saw it. */
export interface SeenFileInput {
  readonly path: string;
  readonly size: number;
  /** As fs.stat gives it (fractional milliseconds are kept exactly, so equality checks work). */
  readonly mtimeMs: number;
  readonly contentHash: string;
  readonly folderId: string | null;
}

/** What intake has already looked at: an unchanged file is not hashed again; the hash tells copies from new content. */
export interface SeenFileRepository {
  /** Inserts or refreshes a file's row; `firstSeenAt` survives updates, `lastSeenAt` becomes now. */
  upsertSeenFile(file: SeenFileInput): Promise<SeenFileRecord>;
  /** The row for this exact path, or undefined. */
  getSeenFile(path: string): Promise<SeenFileRecord | undefined>;
  /** Every seen path with this content, oldest first. */
  findSeenFilesByHash(contentHash: string): Promise<SeenFileRecord[]>;
  /** Forgets a path (the file was deleted or moved away). Returns whether a row existed. */
  removeSeenFile(path: string): Promise<boolean>;
}

/** What the user marked on one source content: their focal point and keep boxes, and when. */
export interface StoredMarks {
  /** The JSON of the engine's UserMarks (shares of the upright source); checked by the caller's schema. */
  readonly marks: unknown;
  /** Epoch milliseconds. */
  readonly updatedAt: number;
}

/** The focal point and keep boxes per source content hash. */
export interface SourceMarksRepository {
  /** The marks stored for this content, or undefined. */
  getMarks(contentHash: string): Promise<StoredMarks | undefined>;
  /** Stores (or replaces) the marks of this content; `updatedAt` defaults to now. */
  setMarks(contentHash: string, marks: unknown, updatedAt?: number): Promise<StoredMarks>;
}

/** Every kept making of each output of a job, and which one each output file holds (issue 14). */
export interface OutputVersionRepository {
  /** Records the next version of one output (numbered after its last); answers it. */
  addVersion(input: NewOutputVersion): Promise<OutputVersionRecord>;
  /** A job's versions by size, image and version. */
  listVersions(jobId: string): Promise<OutputVersionRecord[]>;
  /** Notes which version an output file now holds. */
  setCurrent(jobId: string, target: string, imageIndex: number, version: number): Promise<void>;
  /** The version each output file of a job holds, by `target#imageIndex` (absent: the run's, never fixed). */
  currentVersions(jobId: string): Promise<Map<string, number>>;
}

/** What a team preset is: a profile (every version) or a watched folder's shared settings. */
export type TeamPresetKind = 'profile' | 'folder';

/** One saved version of a team preset (issue 15). */
export interface TeamPreset {
  /** Orders every change across the team: read "what is new since seq N". */
  readonly seq: number;
  readonly kind: TeamPresetKind;
  readonly presetId: string;
  readonly version: number;
  /** The profile version, or the folder's shared settings, as JSON. */
  readonly body: unknown;
  /** The preset was removed from the team (a profile's versions stay readable for history). */
  readonly removed: boolean;
  /** The instance that saved it. */
  readonly savedBy: string | null;
  readonly savedAt: number;
}

/** A version to save: {@link TeamPresetRepository.add}. */
export type NewTeamPreset = Pick<TeamPreset, 'kind' | 'presetId' | 'version' | 'body' | 'removed'>;

/**
 * The team's shared presets: profiles and folder settings, one row per version, in the shared database. Every
 * instance reads changes since the last `seq` it saw, and saves its own edits under the preset's lock.
 */
export interface TeamPresetRepository {
  /** Holds the preset's lock until the transaction ends (PostgreSQL; SQLite has one writer anyway). */
  lock(kind: TeamPresetKind, presetId: string): Promise<void>;
  /** Saves a version unless that version of the preset exists already; resolves true when written. */
  add(preset: NewTeamPreset): Promise<boolean>;
  /** The newest version of a preset, or undefined. */
  latest(kind: TeamPresetKind, presetId: string): Promise<TeamPreset | undefined>;
  /** Every row saved after `seq`, oldest first. */
  since(seq: number): Promise<TeamPreset[]>;
  /** The newest seq (0 with none): a cheap "did anything change". */
  lastSeq(): Promise<number>;
}

/** fal's variants of each size of a job, all kept, and which one each output file holds (issue 14). */
export interface OutputVariantRepository {
  /** Records a variant (again on a resumed run: its paths and facts are replaced, the choice is kept). */
  recordVariant(input: NewOutputVariant): Promise<OutputVariantRecord>;
  /** A job's variants by size and variant. */
  listVariants(jobId: string): Promise<OutputVariantRecord[]>;
  /** Marks one variant of one set of a size chosen (every other of the size not), with the spare paths now. */
  choose(jobId: string, target: string, chosen: { variantSet: number; variant: number }, spares: readonly VariantSpare[]): Promise<void>;
}
