import type { BudgetGuard, BudgetVerdict } from '../../jobs/jobRunnerTypes';
import type { JobRecord, StoreRepositories } from '../../store';
import { BURST_REASON, type BurstGate } from '../heldWork/burstGate';
import { jobEstimator, type ProfileVersionReader } from '../heldWork/jobEstimator';
import type { BudgetNotices } from './budgetNotices';
import type { CapGuard } from './capGuard';
import type { CapHold } from './capCheck';

/**
 * The budget guard of the scheduler and the job runner: a job's maximum is reserved under the caps in the
 * transaction that claims it; before each new fal submit a job of a folder receiving a burst waits for the go-ahead,
 * otherwise the request takes its share of that reservation (or is checked against the caps then).
 */
export class SpendAdmission implements BudgetGuard {
  constructor(
    private readonly bursts: BurstGate,
    private readonly caps: CapGuard,
    private readonly notices: BudgetNotices,
    private readonly profileVersion: ProfileVersionReader,
  ) {}

  async reserveAtClaim(tx: StoreRepositories, job: JobRecord): Promise<BudgetVerdict> {
    const hold = await this.caps.reserveAtClaim(tx, job, jobEstimator(this.profileVersion)(job).maxCents);
    return hold === undefined ? { ok: true } : { ok: false, reason: hold.reason, notice: () => this.notices.capHeld(hold, job.folderId) };
  }

  admit(job: JobRecord, maxCents: number, batchIndex = 0): Promise<BudgetVerdict> {
    return this.afterBursts(job, () => this.caps.admit(job, maxCents, batchIndex));
  }

  admitRerun(job: JobRecord, maxCents: number, batchIndex: number, recordSubmit: (tx: StoreRepositories) => Promise<void>): Promise<BudgetVerdict> {
    return this.afterBursts(job, () => this.caps.admitRerun(job, maxCents, batchIndex, recordSubmit));
  }

  private async afterBursts(job: JobRecord, capAdmission: () => Promise<CapHold | undefined>): Promise<BudgetVerdict> {
    if (!(await this.bursts.admit(job))) return { ok: false, reason: BURST_REASON };
    const hold = await capAdmission();
    if (hold === undefined) return { ok: true };
    this.notices.capHeld(hold, job.folderId);
    return { ok: false, reason: hold.reason };
  }
}
