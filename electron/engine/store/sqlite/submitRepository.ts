import { SmartResizeError } from '../../../domain/errors';
import type { FalSubmitRecord, NewFalSubmit, SubmitState } from '../types';
import { toSubmitRecord, type SubmitRow } from './rowMappers';
import { allRows, getRow, run, withTransaction } from './sqlite';
import type { StoreContext } from './storeContext';

/** fal submits recorded before they go out, so a lost answer is found again instead of paid twice (SQLite). */
export class SqliteSubmitRepository {
  constructor(private readonly ctx: StoreContext) {}

  recordSubmitSending(submit: NewFalSubmit): FalSubmitRecord {
    return withTransaction(this.ctx, () => {
      const open = this.openSubmit(submit.jobId, submit.batchIndex);
      if (open) {
        throw new SmartResizeError(
          'invalid_job_transition',
          `Batch ${submit.batchIndex} of job ${submit.jobId} has a submit whose request is not known yet; sending another could pay twice.`,
        );
      }
      const row = getRow<SubmitRow>(
        this.ctx.db,
        `INSERT INTO fal_submits (job_id, batch_index, image_url, sizes, may_bill_cents, state, sent_at)
         VALUES (:jobId, :batchIndex, :imageUrl, :sizes, :mayBillCents, 'sending', :now)
         RETURNING *`,
        { ...submit, sizes: JSON.stringify(submit.sizes), now: this.ctx.now() },
      );
      return toSubmitRecord(row!);
    });
  }

  openSubmit(jobId: string, batchIndex: number): FalSubmitRecord | undefined {
    const row = getRow<SubmitRow>(
      this.ctx.db,
      "SELECT * FROM fal_submits WHERE job_id = :jobId AND batch_index = :batchIndex AND state = 'sending'",
      { jobId, batchIndex },
    );
    return row && toSubmitRecord(row);
  }

  resolveSubmit(submitId: number, outcome: 'refused' | 'absent' | 'unverified'): void {
    withTransaction(this.ctx, () => resolveSubmitRow(this.ctx, submitId, outcome, null));
  }

  listSubmits(jobId: string): FalSubmitRecord[] {
    return allRows<SubmitRow>(this.ctx.db, 'SELECT * FROM fal_submits WHERE job_id = :jobId ORDER BY id', { jobId }).map(toSubmitRecord);
  }

  unknownSubmitCents(range: { readonly since?: number; readonly until?: number } = {}): number {
    const row = getRow<{ cents: number }>(
      this.ctx.db,
      `SELECT coalesce(sum(may_bill_cents), 0) AS cents FROM fal_submits
       WHERE state IN ('sending', 'unverified') AND (:since IS NULL OR sent_at >= :since) AND (:until IS NULL OR sent_at < :until)`,
      { since: range.since ?? null, until: range.until ?? null },
    );
    return row?.cents ?? 0;
  }
}

/** Settles a `sending` submit (the request recorder does it in the commit that stores the request id). */
export function resolveSubmitRow(ctx: StoreContext, submitId: number, state: Exclude<SubmitState, 'sending'>, requestId: string | null): void {
  const changed = run(
    ctx.db,
    `UPDATE fal_submits SET state = :state, request_id = :requestId, resolved_at = :now
     WHERE id = :submitId AND state = 'sending'`,
    { submitId, state, requestId, now: ctx.now() },
  ).changes;
  if (changed === 0) throw new SmartResizeError('invalid_job_transition', `fal submit ${submitId} is not waiting for its request.`);
}
