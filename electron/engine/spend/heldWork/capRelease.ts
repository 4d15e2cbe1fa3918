import type { JobStore, StoreRepositories } from '../../store';
import type { BudgetSettings } from '../budgetSettings';
import type { BudgetNotices } from '../budgetGuard/budgetNotices';
import { headroom } from '../budgetGuard/capCheck';
import type { CapGuard } from '../budgetGuard/capGuard';
import { CHEAPEST_REQUEST_CENTS } from '../estimateJob';
import { localDayKey } from '../spendPeriods';
import { jobEstimator, type ProfileVersionReader } from './jobEstimator';

/** What releasing cap-held work reads and whom it wakes. */
export interface CapReleaseDeps {
  readonly store: JobStore;
  readonly caps: CapGuard;
  readonly budget: () => BudgetSettings;
  readonly now: () => number;
  readonly profileVersion: ProfileVersionReader;
  readonly notices: BudgetNotices;
  /** Jobs were put back in line: wake the scheduler. */
  readonly wake: () => void;
}

/**
 * Jobs a cap holds go back in line when they fit again: a cap raised, money settled or released, a day or month
 * rolled over. Only as many as the caps leave room for, so held work does not churn through the queue only to be
 * held again.
 */
export class CapRelease {
  private lastFingerprint = '';

  constructor(private readonly deps: CapReleaseDeps) {}

  /**
   * Requeues cap-held jobs, oldest first, as far as the caps leave room for at least their cheapest request.
   * Resolves how many were requeued.
   */
  async release(): Promise<number> {
    const { store, caps } = this.deps;
    const estimate = jobEstimator(this.deps.profileVersion);
    // Read before the pass, not after it: money settled or released between the two would otherwise be in the
    // fingerprint the periodic check compares with, and held work it made room for would wait for another event.
    const seen = await this.fingerprint();
    // One transaction: the held jobs read are the ones requeued (none cancelled or released in between).
    const released = await store.transaction(async (tx) => {
      await tx.reservations.pruneStale();
      const held = (await tx.queue.heldForBudget()).filter(({ burst }) => !burst);
      const inFlight = await heldMoneyInFlight(tx);
      // Room promised to jobs requeued in this pass; every cap's room shrinks by it (conservative for folder caps).
      let promised = 0;
      let count = 0;
      const room = new Map<string | null, number>();
      for (const { job } of held) {
        if (!room.has(job.folderId)) room.set(job.folderId, headroom(await caps.standings(job.folderId, tx)));
        // A held job's own money in flight (a submit whose answer was never stored, a live request) is counted
        // in the caps' use already: it needs only the rest. Such a job must go back, or that money holds the
        // caps for good while nothing fetches (or finds) the request fal may be billing.
        const need = Math.max(0, Math.max(CHEAPEST_REQUEST_CENTS, estimate(job).minCents) - (inFlight.get(job.id) ?? 0));
        if (room.get(job.folderId)! - promised < need) continue;
        promised += need;
        await tx.queue.requeue(job.id, 'budget available again');
        count += 1;
      }
      return count;
    });
    this.lastFingerprint = seen;
    if (released > 0) {
      this.deps.notices.released();
      this.deps.wake();
    }
    return released;
  }

  /**
   * The periodic check (each minute, and at start): when the day or month rolled over, or money was settled or
   * released since the last look, held work may fit again. Resolves how many jobs were requeued.
   */
  async checkPeriods(): Promise<number> {
    return (await this.fingerprint()) === this.lastFingerprint ? 0 : this.release();
  }

  private async fingerprint(): Promise<string> {
    const { store } = this.deps;
    await store.reservations.pruneStale();
    const reserved = await store.reservations.total();
    const charged = await store.ledger.sum('charge');
    return `${localDayKey(this.deps.now())}|${reserved}|${charged}|${JSON.stringify(this.deps.budget())}`;
  }
}

/**
 * Reserved cents per job, read after `pruneStale`: for a job that is not running, all that is left is money a
 * request may be billing (a live request, a submit whose answer was never stored).
 */
async function heldMoneyInFlight(tx: StoreRepositories): Promise<Map<string, number>> {
  const cents = new Map<string, number>();
  for (const reservation of await tx.reservations.list()) cents.set(reservation.jobId, (cents.get(reservation.jobId) ?? 0) + reservation.cents);
  return cents;
}
