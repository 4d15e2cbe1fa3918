import type { BudgetGuard } from '../jobs/jobRunnerTypes';
import type { JobRecord } from '../store';
import { withTransaction, type SqlDatabase } from '../store/sqlite';
import type { BudgetSettings } from './budgetSettings';
import { capCrossed, capStandings, type CapHold } from './capCheck';
import type { Reservations } from './reservations';
import type { SpendLedger } from './spendLedger';

/** What the guard reads and whom it tells. */
export interface CapGuardOptions {
  readonly db: SqlDatabase;
  readonly ledger: SpendLedger;
  readonly reservations: Reservations;
  readonly budget: () => BudgetSettings;
  readonly now: () => number;
  readonly folderLabel: (folderId: string) => string;
  /** A job was held by a cap (the engine turns the first hold of each cap into a notice). */
  readonly onHeld: (job: JobRecord, hold: CapHold) => void;
}

/**
 * The real budget guard: before each new fal submit it reserves the request's maximum estimate, in the same
 * transaction as the check, and admits only if every cap that applies (day, month, the job's folder) still holds
 * spent-in-period + reserved + this maximum. So a cap is crossed only by requests already in flight when it was
 * lowered. The reservation is persisted: a crash does not forget money in flight.
 */
export class CapBudgetGuard implements BudgetGuard {
  constructor(private readonly options: CapGuardOptions) {}

  admit(job: JobRecord, maxCents: number, batchIndex = 0): { readonly ok: true } | { readonly ok: false; readonly reason: string } {
    const { db, reservations } = this.options;
    const hold = withTransaction(db, () => {
      reservations.pruneStale();
      // A batch admitted again (its earlier try failed before fal took it) must not count its old reservation.
      reservations.remove(job.id, batchIndex);
      const crossed = capCrossed(capStandings(this.sources(), job.folderId), maxCents);
      if (crossed === undefined) reservations.reserve(job.id, batchIndex, job.folderId, maxCents);
      return crossed;
    });
    if (hold === undefined) return { ok: true };
    this.options.onHeld(job, hold);
    return { ok: false, reason: hold.reason };
  }

  /** The caps that apply to a job of this folder, with their use now. */
  standings(folderId: string | null) {
    return capStandings(this.sources(), folderId);
  }

  private sources() {
    const { ledger, reservations, budget, now, folderLabel } = this.options;
    return { ledger, reservations, budget: budget(), now: now(), folderLabel };
  }
}
