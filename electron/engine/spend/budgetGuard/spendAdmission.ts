import type { BudgetGuard } from '../../jobs/jobRunnerTypes';
import type { JobRecord } from '../../store';
import { BURST_REASON, type BurstGate } from '../heldWork/burstGate';
import type { BudgetNotices } from './budgetNotices';
import type { CapGuard } from './capGuard';

/**
 * The budget guard the job runner asks before each new fal submit: a job of a folder receiving a burst waits for
 * the go-ahead; otherwise the caps decide (and the request's maximum is reserved).
 */
export class SpendAdmission implements BudgetGuard {
  constructor(
    private readonly bursts: BurstGate,
    private readonly caps: CapGuard,
    private readonly notices: BudgetNotices,
  ) {}

  async admit(job: JobRecord, maxCents: number, batchIndex = 0): Promise<{ readonly ok: true } | { readonly ok: false; readonly reason: string }> {
    if (!(await this.bursts.admit(job))) return { ok: false, reason: BURST_REASON };
    const hold = await this.caps.admit(job, maxCents, batchIndex);
    if (hold === undefined) return { ok: true };
    this.notices.capHeld(hold, job.folderId);
    return { ok: false, reason: hold.reason };
  }
}
