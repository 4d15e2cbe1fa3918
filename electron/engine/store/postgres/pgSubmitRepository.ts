import { SmartResizeError } from '../../../domain/errors';
import type { SubmitRepository } from '../jobRepositories';
import { toSubmitRecord, type SubmitRow } from '../sqlite/rowMappers';
import type { FalSubmitRecord, NewFalSubmit, SubmitState } from '../types';
import type { PgContext } from './pgContext';
import { DB_NOW_MS, pgRow, pgRows, pgRun } from './pgSql';

/** fal submits recorded before they go out, so a lost answer is found again instead of paid twice (PostgreSQL). */
export class PgSubmitRepository implements SubmitRepository {
  constructor(private readonly ctx: PgContext) {}

  /**
   * Also the team's fence before money moves: refused (`invalid_job_transition`) when another instance took the job
   * over (this one's lease ran out), and the lease is renewed in the same commit, so a whole lease passes before
   * anyone may take the job from a holder that dies right after sending.
   */
  async recordSubmitSending(submit: NewFalSubmit): Promise<FalSubmitRecord> {
    const holder = await pgRow<{ claimed_by: string | null }>(this.ctx.client, 'SELECT claimed_by FROM jobs WHERE id = :id FOR UPDATE', { id: submit.jobId });
    if (holder?.claimed_by && holder.claimed_by !== this.ctx.instance) {
      throw new SmartResizeError('invalid_job_transition', `Job ${submit.jobId} was taken over by ${holder.claimed_by} after this instance's lease ran out.`);
    }
    await pgRun(this.ctx.client, `UPDATE jobs SET lease_until = ${DB_NOW_MS} + :leaseMs WHERE id = :id AND claimed_by = :me`, {
      id: submit.jobId,
      leaseMs: this.ctx.leaseMs,
      me: this.ctx.instance,
    });
    if (await this.openSubmit(submit.jobId, submit.batchIndex)) {
      throw new SmartResizeError(
        'invalid_job_transition',
        `Batch ${submit.batchIndex} of job ${submit.jobId} has a submit whose request is not known yet; sending another could pay twice.`,
      );
    }
    const row = await pgRow<SubmitRow>(
      this.ctx.client,
      `INSERT INTO fal_submits (job_id, batch_index, image_url, sizes, may_bill_cents, state, sent_at)
       VALUES (:jobId, :batchIndex, :imageUrl, :sizes, :mayBillCents, 'sending', :now)
       RETURNING *`,
      { jobId: submit.jobId, batchIndex: submit.batchIndex, imageUrl: submit.imageUrl, mayBillCents: submit.mayBillCents, sizes: JSON.stringify(submit.sizes), now: this.ctx.now() },
    );
    return toSubmitRecord(row!);
  }

  async openSubmit(jobId: string, batchIndex: number): Promise<FalSubmitRecord | undefined> {
    const row = await pgRow<SubmitRow>(
      this.ctx.client,
      "SELECT * FROM fal_submits WHERE job_id = :jobId AND batch_index = :batchIndex AND state = 'sending'",
      { jobId, batchIndex },
    );
    return row && toSubmitRecord(row);
  }

  resolveSubmit(submitId: number, outcome: 'refused' | 'absent' | 'unverified'): Promise<void> {
    return resolveSubmitRow(this.ctx, submitId, outcome, null);
  }

  async listSubmits(jobId: string): Promise<FalSubmitRecord[]> {
    return (await pgRows<SubmitRow>(this.ctx.client, 'SELECT * FROM fal_submits WHERE job_id = :jobId ORDER BY id', { jobId })).map(toSubmitRecord);
  }

  async unknownSubmitCents(range: { readonly since?: number; readonly until?: number } = {}): Promise<number> {
    const row = await pgRow<{ cents: number }>(
      this.ctx.client,
      `SELECT coalesce(sum(may_bill_cents), 0) AS cents FROM fal_submits
       WHERE state IN ('sending', 'unverified') AND (:since::bigint IS NULL OR sent_at >= :since) AND (:until::bigint IS NULL OR sent_at < :until)`,
      { since: range.since ?? null, until: range.until ?? null },
    );
    return row?.cents ?? 0;
  }
}

/** Settles a `sending` submit (the request recorder does it in the unit that stores the request id). */
export async function resolveSubmitRow(ctx: PgContext, submitId: number, state: Exclude<SubmitState, 'sending'>, requestId: string | null): Promise<void> {
  const changed = await pgRun(
    ctx.client,
    `UPDATE fal_submits SET state = :state, request_id = :requestId, resolved_at = :now WHERE id = :submitId AND state = 'sending'`,
    { submitId, state, requestId, now: ctx.now() },
  );
  if (changed === 0) throw new SmartResizeError('invalid_job_transition', `fal submit ${submitId} is not waiting for its request.`);
}
