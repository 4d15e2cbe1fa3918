import type { JobRecord, JobStore } from '../store';
import { allRows, getRow, withTransaction, type SqlDatabase } from '../store/sqlite';
import type { BudgetSettings } from './budgetSettings';
import type { BurstHolds } from './burstHolds';

/** The reason shown on jobs a burst holds. */
export const BURST_REASON = 'burst: waiting for your go-ahead';

/** What the gate reads. */
export interface BurstGateOptions {
  readonly db: SqlDatabase;
  readonly store: JobStore;
  readonly bursts: BurstHolds;
  readonly budget: () => BudgetSettings;
  /** The folder's trust flag, or undefined when it is not a watched folder any more. */
  readonly trusted: (folderId: string) => boolean | undefined;
}

/**
 * Holds a hot folder's burst: when more than `burstFiles` files arrived within `burstWindowMinutes` (counted since
 * the folder's last release), every job of that folder still queued goes to `waiting_budget` until the person
 * releases or discards the burst; while a burst waits, later files join it. Trusted folders, drops and jobs the
 * local engine makes for free are never held. Call it synchronously right after a job is created, before the
 * scheduler can claim it: it only moves `queued` jobs, so a job already claimed is left running.
 * Returns the jobs held by this call, and whether a new burst started (for one notice per burst).
 */
export function holdBurst(options: BurstGateOptions, job: JobRecord): { held: string[]; started: boolean } {
  return withTransaction(options.db, () => {
    const burst = burstOf(options, job);
    if (!burst) return { held: [], started: false };
    const queued = queuedPaidJobs(options.db, burst.folderId, burst.waiting ? 0 : burst.since);
    for (const id of queued) {
      options.store.jobs.transition(id, 'waiting_budget', { reason: BURST_REASON });
      options.bursts.add(id, burst.folderId);
    }
    return { held: queued, started: !burst.waiting && queued.length > 0 };
  });
}

/**
 * The same rule at the budget guard, for a job the scheduler claimed before its folder's burst was noticed: true
 * (and the job is recorded as burst-held; the runner parks it in waiting_budget) when it must wait for the go-ahead.
 */
export function admitThroughBurst(options: BurstGateOptions, job: JobRecord): boolean {
  return withTransaction(options.db, () => {
    const burst = burstOf(options, job);
    if (burst) options.bursts.add(job.id, burst.folderId);
    return burst === undefined;
  });
}

/** The folder's burst this job belongs to, or undefined when the job may go ahead. */
function burstOf(options: BurstGateOptions, job: JobRecord): { folderId: string; since: number; waiting: boolean } | undefined {
  if (job.folderId === null || job.provider === 'local') return undefined;
  const folderId = job.folderId;
  if (options.trusted(folderId) !== false) return undefined;
  const budget = options.budget();
  const waiting = options.bursts.waiting(folderId).some((held) => held.jobId !== job.id);
  const since = Math.max(job.createdAt - budget.burstWindowMinutes * 60_000, options.bursts.lastRelease(folderId));
  if (!waiting && receivedSince(options.db, folderId, since, job.createdAt) <= budget.burstFiles) return undefined;
  return { folderId, since, waiting };
}

/** Files a folder turned into jobs within [since, until]: the burst count. */
function receivedSince(db: SqlDatabase, folderId: string, since: number, until: number): number {
  return getRow<{ n: number }>(
    db,
    'SELECT count(*) AS n FROM jobs WHERE folder_id = :folderId AND created_at > :since AND created_at <= :until',
    { folderId, since, until },
  )?.n ?? 0;
}

function queuedPaidJobs(db: SqlDatabase, folderId: string, since: number): string[] {
  return allRows<{ id: string }>(
    db,
    `SELECT id FROM jobs WHERE folder_id = :folderId AND state = 'queued' AND provider <> 'local' AND created_at > :since
     ORDER BY created_at, id`,
    { folderId, since },
  ).map((row) => row.id);
}
