import type { SubjectDetector } from '../composition/detection';
import type { SmartResizeFalClient } from '../fal/falClient';
import type { FalRunTimes } from '../fal/falRunTimes';
import type { DecodeOptions } from '../decode/types';
import type { FalResultForPricing } from '../pricing';
import type { Profile } from '../profiles';
import type { LocalOnlyReason } from '../../domain/localOnlyReasons';
import type { TargetSize } from '../../domain/sizes/targetSize';
import type { JobRecord, JobStore, StoreRepositories } from '../store';

/** How one run of a job ended, for the scheduler. */
export type JobOutcome =
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'retry'; readonly at: number }
  | { readonly kind: 'offline' }
  | { readonly kind: 'auth'; readonly message: string }
  | { readonly kind: 'held'; readonly reason: string }
  | { readonly kind: 'stopped' };

/** Live progress that is not worth a database write: the UI's progress bars and fal's queue position. */
export interface JobProgress {
  readonly jobId: string;
  /** 0..1, outputs written over outputs expected. */
  readonly fraction: number;
  readonly falStatus?: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED';
  readonly queuePosition?: number;
}

/** Where a watched folder's outputs go; drops and CLI jobs have none (outputs go beside the source's folder). */
interface FolderPlacement {
  readonly path: string;
  readonly outputRoot?: string;
}

/** A budget decision: go ahead, or wait with the reason (and, for a cap, the notice to give once committed). */
export type BudgetVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly notice?: () => void };

/**
 * The budget hook (the engine's SpendAdmission). `reserveAtClaim`, when present, runs in the scheduler's claim
 * transaction for each job that may pay fal: the job's maximum is reserved under the caps there, or the job is
 * parked in `waiting_budget` instead of being run. `admit` is asked before each new fal submit with the request's
 * maximum price and its batch (the reservation is kept per request); a refusal parks the job in `waiting_budget`.
 */
export interface BudgetGuard {
  reserveAtClaim?(tx: StoreRepositories, job: JobRecord): Promise<BudgetVerdict>;
  /** A new request of the job run this instance holds (refused with `invalid_job_transition` once it holds it no more). */
  admit(job: JobRecord, maxCents: number, batchIndex?: number): Promise<BudgetVerdict>;
  /**
   * A finished job's size re-run at fal: `recordSubmit` runs in the admission's own transaction once the money is
   * reserved (the re-run records its submit there, so no prune ever sees the reservation without it).
   */
  admitRerun(job: JobRecord, maxCents: number, batchIndex: number, recordSubmit: (tx: StoreRepositories) => Promise<void>): Promise<BudgetVerdict>;
}

/**
 * The spend ledger's ears in the runner: what fal charged, what it may bill without a result (refused after submit,
 * cancelled while running), what `auto` saved. Each resolves once the ledger row is committed.
 */
export interface SpendHooks {
  charged(job: JobRecord, requestId: string, results: readonly FalResultForPricing[]): Promise<unknown>;
  mayBeBilled(job: JobRecord, requestId: string): Promise<void>;
  saved(job: JobRecord, sizes: readonly TargetSize[], wholeJobLocal: boolean): Promise<void>;
}

/**
 * Bounds the requests at fal at once (the concurrency setting). A job holds a slot from submit (or resume) until
 * fal reports the request complete; the resolved function gives it back. Rejects with an AbortError when `signal`
 * aborts first.
 */
export interface FalSlotGate {
  acquire(signal?: AbortSignal): Promise<() => void>;
}

/**
 * Where a job runs its CPU-heavy steps (decode, local render, upload encode): a few at a time across jobs, so the
 * first jobs finish theirs first. Rejects with an AbortError when `signal` aborts before the step starts.
 */
export interface CpuLane {
  run<T>(task: () => Promise<T>, signal: AbortSignal, kind?: CpuStepKind): Promise<T>;
}

/** What a CPU step is for: `prepare` (decode, local sizes, the upload) feeds fal; `finish` (fal's outputs encoded to their placements) can wait. */
export type CpuStepKind = 'prepare' | 'finish';

/** What a job run needs from the engine. */
export interface JobRunnerDeps {
  readonly store: JobStore;
  /** The app's data folder: its own copies of fal variants live under it (variants/<job>/...). */
  readonly dataDir: string;
  /** Exact profile versions: a job runs with the version it was created for. */
  readonly profileVersion: (profileId: string, version: number) => Profile;
  /** Resolves once `profileVersion` can answer for this version (a team preset edited elsewhere is pulled first). */
  readonly profileReady?: (profileId: string, version: number) => Promise<void>;
  readonly folderPlacement: (folderId: string | null) => FolderPlacement | undefined;
  /** A fal client, or undefined when no key is configured (the local engine does everything). */
  readonly falClient: () => SmartResizeFalClient | undefined;
  /** Why there is no fal client (every size is then made locally), for the job's log. */
  readonly localOnlyReason?: () => LocalOnlyReason | undefined;
  /** Downloads of fal's output files (tests route them to the fake). */
  readonly fetch: typeof fetch;
  /** Decoding limits (the pixel limit), read when each job starts. */
  readonly decode: DecodeOptions;
  readonly budget: BudgetGuard;
  /** Records spend; absent: nothing is recorded. */
  readonly spend?: SpendHooks;
  /** Requests at fal at once; absent: no bound beyond the number of running jobs. */
  readonly falSlots?: FalSlotGate;
  /** Finds faces, objects and text once per content hash, off the event loop; absent: the saliency box only. */
  readonly detector?: SubjectDetector;
  /** Where CPU-heavy steps run; absent: they run at once. */
  readonly cpu?: CpuLane;
  /** The base status poll interval; default 500 ms, the client's own. */
  readonly pollIntervalMs?: number;
  /** How long recent fal requests took, so status polls speed up where a request may finish; absent: steady polls. */
  readonly falRunTimes?: FalRunTimes;
  /** The longest a fal request may take before it is cancelled (the setting); learned deadlines stay below it. */
  readonly falDeadlineCeilingMs?: () => number;
  /** How long a submit whose answer was lost is looked for in fal's request history; defaults in LOST_SUBMIT_TIMING. */
  readonly lostSubmit?: Partial<LostSubmitTiming>;
  readonly onProgress: (progress: JobProgress) => void;
  /** Called when a fal call finds the network gone, so dispatch stops at once rather than at the next probe. */
  readonly onOffline: () => void;
  readonly now: () => number;
}

/**
 * Looking for the request of a submit whose answer was lost: fal does not say whether requests still queued or
 * running are listed in its history, so "not found" means "not yet" until the request's expected run time (the
 * slowest recent one, or `defaultRunMs` with none) plus `marginMs` have passed since it was sent.
 */
export interface LostSubmitTiming {
  readonly defaultRunMs: number;
  readonly marginMs: number;
  /** Between two look-ups. */
  readonly lookupEveryMs: number;
}

/** Why a running job's signal was aborted: the user cancelled it, the engine is shutting down, or fal went offline. */
export type StopReason = 'cancel' | 'shutdown' | 'offline';
