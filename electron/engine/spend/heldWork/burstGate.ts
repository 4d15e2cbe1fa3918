import type { JobRecord, JobStore, StoreRepositories } from '../../store';
import type { BudgetSettings } from '../budgetSettings';
import type { BudgetNotices } from '../budgetGuard/budgetNotices';

/** The reason shown on jobs a burst holds. */
export const BURST_REASON = 'burst: waiting for your go-ahead';

/** What the gate reads. */
export interface BurstGateDeps {
  readonly store: JobStore;
  readonly budget: () => BudgetSettings;
  /** The folder's path and trust flag, or undefined when it is not a watched folder any more. */
  readonly folder: (folderId: string) => { readonly path: string; readonly trusted: boolean } | undefined;
  readonly notices: BudgetNotices;
}

/**
 * Holds a hot folder's burst: when more than `burstFiles` files arrived within `burstWindowMinutes` (counted since
 * the folder's last release), every job of that folder still queued goes to `waiting_budget` until the person
 * releases or discards the burst; while a burst waits, later files join it. Trusted folders, drops and jobs the
 * local engine makes for free are never held.
 */
export class BurstGate {
  constructor(private readonly deps: BurstGateDeps) {}

  /**
   * A job was just created: hold it (and its folder's queued jobs) if its folder is receiving a burst. Only `queued`
   * jobs move, so one the scheduler claimed first is left running; the budget check stops it (see admit). The
   * first hold of a burst is told to the person.
   */
  async jobCreated(job: JobRecord): Promise<void> {
    const { held, started } = await this.deps.store.transaction(async (tx) => {
      const burst = await this.burstOf(tx, job);
      if (!burst) return { held: [], started: false };
      const ids = await tx.bursts.holdQueued(burst.folderId, burst.waiting ? 0 : burst.since, BURST_REASON);
      return { held: ids, started: !burst.waiting && ids.length > 0 };
    });
    if (started && job.folderId !== null) {
      this.deps.notices.burstStarted(this.deps.folder(job.folderId)?.path ?? job.folderId, held.length, job.folderId);
    }
  }

  /**
   * The same rule at the budget check, for a job the scheduler claimed before its folder's burst was noticed:
   * false (and the job is recorded as burst-held; the runner parks it in waiting_budget) when it must wait.
   */
  admit(job: JobRecord): Promise<boolean> {
    return this.deps.store.transaction(async (tx) => {
      const burst = await this.burstOf(tx, job);
      if (burst) await tx.bursts.add(job.id, burst.folderId);
      return burst === undefined;
    });
  }

  /** The folder's burst this job belongs to, or undefined when the job may go ahead. */
  private async burstOf(tx: StoreRepositories, job: JobRecord): Promise<{ folderId: string; since: number; waiting: boolean } | undefined> {
    if (job.folderId === null || job.provider === 'local') return undefined;
    const folderId = job.folderId;
    if (this.deps.folder(folderId)?.trusted !== false) return undefined;
    const budget = this.deps.budget();
    const waiting = (await tx.bursts.waiting(folderId)).some((held) => held.jobId !== job.id);
    const since = Math.max(job.createdAt - budget.burstWindowMinutes * 60_000, await tx.bursts.lastRelease(folderId));
    if (!waiting && (await tx.bursts.arrivals(folderId, since, job.createdAt)) <= budget.burstFiles) return undefined;
    return { folderId, since, waiting };
  }
}
