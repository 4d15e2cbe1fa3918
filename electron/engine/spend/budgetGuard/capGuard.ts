import type { JobRecord, JobStore, StoreRepositories } from '../../store';
import type { BudgetSettings } from '../budgetSettings';
import { capCrossed, type CapHold, type CapStanding } from './capCheck';
import { capStandings, type CapSources } from './capStandings';

/** What the cap guard reads. */
export interface CapGuardDeps {
  readonly store: JobStore;
  readonly budget: () => BudgetSettings;
  readonly now: () => number;
  /** For people: the folder named in a folder cap's label. */
  readonly folderLabel: (folderId: string) => string;
}

/**
 * The caps, before each new fal submit: the request's maximum estimate is reserved in the same transaction as the
 * check, and admitted only if every cap that applies (day, month, the job's folder) still holds spent-in-period +
 * reserved + this maximum. So a cap is crossed only by requests already in flight when it was lowered. The
 * reservation is persisted: a crash does not forget money in flight.
 */
export class CapGuard {
  constructor(private readonly deps: CapGuardDeps) {}

  /** Reserves `maxCents` for the job's batch and resolves undefined, or resolves the cap that holds it. */
  admit(job: JobRecord, maxCents: number, batchIndex = 0): Promise<CapHold | undefined> {
    return this.deps.store.transaction(async (tx) => {
      await tx.reservations.pruneStale();
      // A batch admitted again (its earlier try failed before fal took it) must not count its old reservation.
      await tx.reservations.remove(job.id, batchIndex);
      const hold = capCrossed(await capStandings(tx, this.sources(), job.folderId), maxCents);
      if (hold === undefined) await tx.reservations.reserve(job.id, batchIndex, job.folderId, maxCents);
      return hold;
    });
  }

  /** The caps that apply to a job of this folder, with their use now (read in `tx` when one is open). */
  standings(folderId: string | null, tx: StoreRepositories = this.deps.store): Promise<CapStanding[]> {
    return capStandings(tx, this.sources(), folderId);
  }

  private sources(): CapSources {
    return { budget: this.deps.budget(), now: this.deps.now(), folderLabel: this.deps.folderLabel };
  }
}
