import { SmartResizeError } from '../../../domain/errors';
import type { RecordRequestResult, RequestOutcome, RequestRepository } from '../jobRepositories';
import { toRequestRecord, type RequestRow } from '../sqlite/rowMappers';
import { STORE_EVENT_KINDS } from '../storeEvents';
import type { JobRequestRecord } from '../types';
import type { PgContext } from './pgContext';
import { appendEvent } from './pgEventLog';
import { findJob, requireJob } from './pgJobRows';
import { applyTransition } from './pgJobTransition';
import { pgRow, pgRows } from './pgSql';
import { resolveSubmitRow } from './pgSubmitRepository';

/** The fal requests of jobs: the record that prevents paying twice (PostgreSQL; see RequestRepository). */
export class PgRequestRepository implements RequestRepository {
  constructor(private readonly ctx: PgContext) {}

  async recordRequestId(
    jobId: string,
    batchIndex: number,
    requestId: string,
    sizes: readonly string[],
    submit?: { readonly id: number; readonly how: 'answered' | 'adopted' },
  ): Promise<RecordRequestResult> {
    if (submit) await resolveSubmitRow(this.ctx, submit.id, submit.how, requestId);
    let job = await requireJob(this.ctx, jobId);
    const known = await this.findByRequestId(requestId);
    if (known) {
      if (known.jobId !== jobId || known.batchIndex !== batchIndex) {
        throw new SmartResizeError('invalid_job_transition', `fal request ${requestId} already belongs to job ${known.jobId} batch ${known.batchIndex}.`);
      }
      return { request: known, job, cancelNeeded: false };
    }
    const live = await pgRows<{ request_id: string }>(
      this.ctx.client,
      `SELECT request_id FROM job_requests
       WHERE job_id = :jobId AND batch_index = :batchIndex AND state IN ('submitted', 'completed')`,
      { jobId, batchIndex },
    );
    if (live.length > 0) {
      throw new SmartResizeError(
        'invalid_job_transition',
        `Batch ${batchIndex} of job ${jobId} already has fal request ${live[0]!.request_id}; submitting it again would pay twice.`,
      );
    }
    const cancelNeeded = job.state === 'cancelled';
    const now = this.ctx.now();
    const row = await pgRow<RequestRow>(
      this.ctx.client,
      `INSERT INTO job_requests (job_id, batch_index, request_id, sizes, state, submitted_at, completed_at, submitted_by)
       VALUES (:jobId, :batchIndex, :requestId, :sizes, :state, :now, :completedAt, :me)
       RETURNING *`,
      {
        jobId,
        batchIndex,
        requestId,
        sizes: JSON.stringify(sizes),
        state: cancelNeeded ? 'cancelled' : 'submitted',
        now,
        completedAt: cancelNeeded ? now : null,
        me: this.ctx.instance,
      },
    );
    await appendEvent(this.ctx, STORE_EVENT_KINDS.requestSubmitted, jobId, { batchIndex, requestId, sizes }, job);
    if (job.state === 'uploading') job = await applyTransition(this.ctx, job, 'submitted', { reason: `fal request ${requestId}` });
    return { request: toRequestRecord(row!), job, cancelNeeded };
  }

  async finishRequest(requestId: string, outcome: RequestOutcome): Promise<JobRequestRecord> {
    const row = await pgRow<RequestRow>(
      this.ctx.client,
      `UPDATE job_requests SET state = :outcome, completed_at = :now
       WHERE request_id = :requestId AND state = 'submitted'
       RETURNING *`,
      { requestId, outcome, now: this.ctx.now() },
    );
    if (row) {
      await appendEvent(this.ctx, STORE_EVENT_KINDS.requestFinished, row.job_id, { requestId, outcome }, await findJob(this.ctx, row.job_id));
      return toRequestRecord(row);
    }
    const existing = await this.findByRequestId(requestId);
    if (!existing) throw new SmartResizeError('job_not_found', `No fal request ${requestId} is recorded.`);
    return existing;
  }

  async listRequests(jobId: string): Promise<JobRequestRecord[]> {
    const rows = await pgRows<RequestRow>(this.ctx.client, 'SELECT * FROM job_requests WHERE job_id = :jobId ORDER BY batch_index, id', { jobId });
    return rows.map(toRequestRecord);
  }

  async liveRequests(jobId: string): Promise<JobRequestRecord[]> {
    return (await this.listRequests(jobId)).filter((r) => r.state === 'submitted' || r.state === 'completed');
  }

  async rerunsInFlight(): Promise<JobRequestRecord[]> {
    const rows = await pgRows<RequestRow>(
      this.ctx.client,
      `SELECT r.* FROM job_requests r JOIN jobs j ON j.id = r.job_id
       WHERE r.state = 'submitted' AND j.state = 'done' ORDER BY r.submitted_at, r.id`,
    );
    return rows.map(toRequestRecord);
  }

  async findByRequestId(requestId: string): Promise<JobRequestRecord | undefined> {
    const row = await pgRow<RequestRow>(this.ctx.client, 'SELECT * FROM job_requests WHERE request_id = :requestId', { requestId });
    return row && toRequestRecord(row);
  }
}
