import type { BurstHeldJob, LedgerBreakdown, LedgerEntry, LedgerKind, NewLedgerEntry, Reservation, SpendRange } from './spendTypes';

// The spend side of the store's interface: the ledger, money in flight and hot-folder bursts. The rules that use
// them (caps, releases, reports) live in engine/spend; only the rows live here.

/** The spend ledger: append-only rows, each request recorded once per kind. Money in integer US cents. */
export interface LedgerRepository {
  /**
   * Appends a row unless the same request (or, for a saving, the same job) is already recorded with this kind.
   * Resolves true when a row was written.
   */
  record(entry: NewLedgerEntry): Promise<boolean>;
  /** Sum of one kind's cents in a range, optionally for one folder. */
  sum(kind: LedgerKind, range?: SpendRange, folderId?: string): Promise<number>;
  /** Rows newest first, after the row id `beforeId` (keyset paging), at most `limit`. */
  page(range: SpendRange, limit: number, beforeId?: number): Promise<LedgerEntry[]>;
  /** Every row of a range, oldest first (CSV export). */
  all(range?: SpendRange): Promise<LedgerEntry[]>;
  /** The rows of one job, oldest first. */
  forJob(jobId: string): Promise<LedgerEntry[]>;
  /** What fal charged for a job (sum of its charge rows), or null when it was never charged. */
  chargeCents(jobId: string): Promise<number | null>;
  /** The charges of a range broken down by day (local calendar), profile, folder, and the costliest jobs. */
  breakdown(range: SpendRange, mostExpensive: number): Promise<LedgerBreakdown>;
}

/**
 * Money in flight, persisted so a crash does not forget it: a row per admitted request (job + batch), replaced when
 * the same batch is admitted again, deleted when its charge is written (settled) or when it ends unpaid (released).
 */
export interface ReservationRepository {
  /** Reserves `cents` for a job's batch (replacing an older reservation of the same batch). */
  reserve(jobId: string, batchIndex: number, folderId: string | null, cents: number): Promise<void>;
  /** Drops a batch's reservation (settled by its charge or released). Resolves true when one existed. */
  remove(jobId: string, batchIndex: number): Promise<boolean>;
  /** The reservation of a job's batch, if any. */
  find(jobId: string, batchIndex: number): Promise<Reservation | undefined>;
  /** Drops every reservation of a job (cancelled, failed). Resolves how many. */
  removeJob(jobId: string): Promise<number>;
  /** Cents reserved, for every folder or for one. */
  total(folderId?: string): Promise<number>;
  /**
   * Releases reservations that no longer stand for money in flight: their batch holds no request still at fal and
   * their job is not being worked on. A batch whose request is still at fal (`submitted`), or whose submit is on its
   * way (`sending`), keeps its reservation until it is priced; a completed request was priced already.
   */
  pruneStale(): Promise<number>;
  /** Every reservation, oldest first. */
  list(): Promise<Reservation[]>;
}

/**
 * Jobs a hot-folder burst parked in `waiting_budget` (told apart from jobs over a cap), and when each folder's burst
 * was last released, so released files do not count toward the next burst.
 */
export interface BurstHoldRepository {
  /** Marks a job as held by a burst (the runner parks it in waiting_budget). */
  add(jobId: string, folderId: string | null): Promise<void>;
  /** True when the job is held by a burst. */
  has(jobId: string): Promise<boolean>;
  /** Held jobs still waiting (a job cancelled meanwhile is left out), oldest first; all folders when absent. */
  waiting(folderId?: string | null): Promise<BurstHeldJob[]>;
  /** Forgets the holds of these jobs (released or discarded). */
  remove(jobIds: readonly string[]): Promise<void>;
  /** When the folder's last burst was released (0: never). Files that arrived before it no longer count. */
  lastRelease(folderId: string): Promise<number>;
  /** Starts the folder's burst count afresh from now. */
  resetCount(folderId: string): Promise<void>;
  /** Files a folder turned into jobs within (since, until]: the burst count. */
  arrivals(folderId: string, since: number, until: number): Promise<number>;
  /**
   * Moves every `queued` job of the folder that may pay fal, created after `since`, to `waiting_budget` with
   * `reason`, and records it as burst-held, in one commit. Resolves the ids held, oldest first.
   */
  holdQueued(folderId: string, since: number, reason: string): Promise<string[]>;
}
