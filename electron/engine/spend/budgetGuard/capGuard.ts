import { SmartResizeError } from '../../../domain/errors';
import type { JobRecord, JobStore, StoreRepositories } from '../../store';
import type { BudgetSettings } from '../budgetSettings';
import { capCrossed, type CapHold, type CapStanding } from './capCheck';
import { capStandings, type CapSources } from './capStandings';

/**
 * The batch index of the money a claim reserves for a whole job (its maximum over every size that may go to fal),
 * before the runner knows how its sizes fall into requests. Each request's admission then moves its own maximum out
 * of it; what is left when the job stops working is released like any stale reservation (no request holds it).
 */
export const CLAIM_BATCH = -1;

/** What the cap guard reads. */
export interface CapGuardDeps {
  readonly store: JobStore;
  readonly budget: () => BudgetSettings;
  readonly now: () => number;
  /** For people: the folder named in a folder cap's label. */
  readonly folderLabel: (folderId: string) => string;
}

/**
 * The caps. A job's maximum is reserved in the transaction that claims it (`reserveAtClaim`), admitted only if every
 * cap that applies (day, month, the job's folder) still holds spent-in-period + reserved + this maximum; on
 * PostgreSQL that transaction holds the team's budget lock, so no instance claims into room another one has just
 * taken. Before each new fal submit the request's own maximum is moved out of the claim's reservation (`admit`), or
 * checked and reserved then when the claim reserved nothing (a job resumed, or run by a host that does not reserve
 * at claim). So a cap is crossed only by requests already in flight when it was lowered. Reservations are
 * persisted: a crash does not forget money in flight.
 */
export class CapGuard {
  constructor(private readonly deps: CapGuardDeps) {}

  /**
   * In the claim's transaction `tx`: reserves `maxCents` for the job as a whole and resolves undefined, or resolves
   * the cap that holds it (nothing is reserved). Call `tx.reservations.pruneStale()` first, before the claim (it takes
   * the team's budget lock first, so claims and admissions lock in one order).
   *
   * A job with a submit whose answer was never stored (the app or the team instance holding it died mid-send) is
   * never held: fal may be running and billing that request, the submit's reservation already holds its money
   * under the caps, and only the job's run finds the request (or, finding none, sends again through `admit`'s
   * check). Held here instead, nothing would look it up and that reservation would hold the caps for good.
   *
   * Any other money the job still has reserved was set aside by an earlier run that never sent it: released here,
   * before the check. On a team that is an instance that died between its admission and its submit: the job stays
   * running (taken over) through the claim's prune, so that reservation would be counted beside this claim's and the
   * team would look one job fuller than it is.
   */
  async reserveAtClaim(tx: StoreRepositories, job: JobRecord, maxCents: number): Promise<CapHold | undefined> {
    if ((await tx.submits.listSubmits(job.id)).some((submit) => submit.state === 'sending')) {
      await tx.reservations.remove(job.id, CLAIM_BATCH);
      return undefined;
    }
    await releaseUnsent(tx, job.id);
    const hold = capCrossed(await capStandings(tx, this.sources(), job.folderId), maxCents);
    if (hold === undefined && maxCents > 0) await tx.reservations.reserve(job.id, CLAIM_BATCH, job.folderId, maxCents);
    return hold;
  }

  /**
   * For a request of the job run this instance holds: reserves `maxCents` for the job's batch and resolves undefined,
   * or resolves the cap that holds it. Refused (`invalid_job_transition`, nothing reserved) when the run holds its job
   * no more: taken over by another instance after its lease ran out, or ended. Its reservation would otherwise outlive
   * it, and once the job's request is finished by the instance that took it over nothing would release it: the caps
   * would stay that much fuller for good.
   */
  admit(job: JobRecord, maxCents: number, batchIndex = 0): Promise<CapHold | undefined> {
    return this.deps.store.transaction(async (tx) => {
      // The prune first: the team's budget lock is taken before the job's row, as claims take them.
      await tx.reservations.pruneStale();
      if (!(await tx.queue.holdsRun(job.id))) {
        throw new SmartResizeError('invalid_job_transition', `Job ${job.sourceName} (${job.id}) is no longer run here (taken over or ended): its fal request is not admitted.`);
      }
      return this.reserveForRequest(tx, job, maxCents, batchIndex);
    });
  }

  /**
   * For a finished job's size re-run at fal (no run holds the job): as `admit`, and `recordSubmit` runs in the same
   * transaction once the money is reserved (not when a cap holds it), so no prune ever sees the reservation alone.
   */
  admitRerun(job: JobRecord, maxCents: number, batchIndex: number, recordSubmit: (tx: StoreRepositories) => Promise<void>): Promise<CapHold | undefined> {
    return this.deps.store.transaction(async (tx) => {
      await tx.reservations.pruneStale();
      const hold = await this.reserveForRequest(tx, job, maxCents, batchIndex);
      if (hold === undefined) await recordSubmit(tx);
      return hold;
    });
  }

  /** The admission's reservation for one request, in `tx` (pruned): from the claim's reservation, or checked against the caps. */
  private async reserveForRequest(tx: StoreRepositories, job: JobRecord, maxCents: number, batchIndex: number): Promise<CapHold | undefined> {
    // A batch admitted again (its earlier try failed before fal took it) must not count its old reservation.
    await tx.reservations.remove(job.id, batchIndex);
    const claimed = await tx.reservations.find(job.id, CLAIM_BATCH);
    if (claimed && claimed.cents >= maxCents) {
      // The claim holds this money already under the caps: it becomes this request's, no new check.
      if (claimed.cents > maxCents) await tx.reservations.reserve(job.id, CLAIM_BATCH, job.folderId, claimed.cents - maxCents);
      else await tx.reservations.remove(job.id, CLAIM_BATCH);
      await tx.reservations.reserve(job.id, batchIndex, job.folderId, maxCents);
      return undefined;
    }
    // Too little left at claim (a batch tried again): the job's request is checked on its own, as without a claim.
    if (claimed) await tx.reservations.remove(job.id, CLAIM_BATCH);
    const hold = capCrossed(await capStandings(tx, this.sources(), job.folderId), maxCents);
    if (hold === undefined) await tx.reservations.reserve(job.id, batchIndex, job.folderId, maxCents);
    return hold;
  }

  /** The caps that apply to a job of this folder, with their use now (read in `tx` when one is open). */
  standings(folderId: string | null, tx: StoreRepositories = this.deps.store): Promise<CapStanding[]> {
    return capStandings(tx, this.sources(), folderId);
  }

  private sources(): CapSources {
    return { budget: this.deps.budget(), now: this.deps.now(), folderLabel: this.deps.folderLabel };
  }
}

/** Drops the job's reservations that no live request of it holds (called when no submit of it is open). */
async function releaseUnsent(tx: StoreRepositories, jobId: string): Promise<void> {
  const live = new Set((await tx.requests.liveRequests(jobId)).map((request) => request.batchIndex));
  for (const reservation of await tx.reservations.list()) {
    if (reservation.jobId === jobId && !live.has(reservation.batchIndex)) await tx.reservations.remove(jobId, reservation.batchIndex);
  }
}
