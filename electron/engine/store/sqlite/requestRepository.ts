import { SmartResizeError } from '../../../domain/errors';
import type { RecordRequestResult, RequestOutcome } from '../jobRepositories';
import { STORE_EVENT_KINDS } from '../storeEvents';
import { appendEvent } from './eventLog';
import { applyTransition } from './jobTransition';
import { findJob, requireJob } from './jobRows';
import { toRequestRecord, type RequestRow } from './rowMappers';
import { allRows, getRow, withTransaction } from './sqlite';
import { resolveSubmitRow } from './submitRepository';
import type { StoreContext } from './storeContext';
import type { JobRequestRecord } from '../types';

/** The fal requests of jobs: the record that prevents paying twice (SQLite). */
export class SqliteRequestRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Persists a fal request id the moment submit returns (call it from `onEnqueue`, before polling). An `uploading`
   * job moves to `submitted` in the same commit (later batches are recorded while it is already `submitted`).
   * The id is stored even if the job was cancelled meanwhile (then `cancelNeeded` is true), because fal may bill it.
   * Recording the same id again returns the existing row; a second live request for the same batch is refused
   * (`invalid_job_transition`): it would pay twice. `submit` names the recorded submit the id answers (from fal's
   * answer, or found in its request history): it is resolved in the same commit.
   */
  recordRequestId(
    jobId: string,
    batchIndex: number,
    requestId: string,
    sizes: readonly string[],
    submit?: { readonly id: number; readonly how: 'answered' | 'adopted' },
  ): RecordRequestResult {
    return withTransaction(this.ctx, () => {
      if (submit) resolveSubmitRow(this.ctx, submit.id, submit.how, requestId);
      let job = requireJob(this.ctx, jobId);
      const known = this.findByRequestId(requestId);
      if (known) {
        if (known.jobId !== jobId || known.batchIndex !== batchIndex) {
          throw new SmartResizeError(
            'invalid_job_transition',
            `fal request ${requestId} already belongs to job ${known.jobId} batch ${known.batchIndex}.`,
          );
        }
        // A repeated report (onEnqueue firing twice): the first call already reported any cancel to send.
        return { request: known, job, cancelNeeded: false };
      }
      const live = allRows<{ request_id: string }>(
        this.ctx.db,
        `SELECT request_id FROM job_requests
         WHERE job_id = :jobId AND batch_index = :batchIndex AND state IN ('submitted', 'completed')`,
        { jobId, batchIndex },
      );
      if (live.length > 0) {
        throw new SmartResizeError(
          'invalid_job_transition',
          `Batch ${batchIndex} of job ${jobId} already has fal request ${live[0]!.request_id}; ` +
            'submitting it again would pay twice.',
        );
      }
      const cancelNeeded = job.state === 'cancelled';
      const now = this.ctx.now();
      const row = getRow<RequestRow>(
        this.ctx.db,
        `INSERT INTO job_requests (job_id, batch_index, request_id, sizes, state, submitted_at, completed_at)
         VALUES (:jobId, :batchIndex, :requestId, :sizes, :state, :now, :completedAt)
         RETURNING *`,
        {
          jobId,
          batchIndex,
          requestId,
          sizes: JSON.stringify(sizes),
          state: cancelNeeded ? 'cancelled' : 'submitted',
          now,
          completedAt: cancelNeeded ? now : null,
        },
      );
      appendEvent(this.ctx, STORE_EVENT_KINDS.requestSubmitted, jobId, { batchIndex, requestId, sizes }, job);
      if (job.state === 'uploading') {
        job = applyTransition(this.ctx, job, 'submitted', { reason: `fal request ${requestId}` });
      }
      return { request: toRequestRecord(row!), job, cancelNeeded };
    });
  }

  /**
   * Marks a running request as completed (its result is ready: fetch, don't resubmit), failed (fal returned an error
   * for it: a retry submits that batch again) or cancelled. A request that already ended keeps its first outcome.
   */
  finishRequest(requestId: string, outcome: RequestOutcome): JobRequestRecord {
    return withTransaction(this.ctx, () => {
      const row = getRow<RequestRow>(
        this.ctx.db,
        `UPDATE job_requests SET state = :outcome, completed_at = :now
         WHERE request_id = :requestId AND state = 'submitted'
         RETURNING *`,
        { requestId, outcome, now: this.ctx.now() },
      );
      if (row) {
        appendEvent(this.ctx, STORE_EVENT_KINDS.requestFinished, row.job_id, { requestId, outcome }, findJob(this.ctx, row.job_id));
        return toRequestRecord(row);
      }
      const existing = this.findByRequestId(requestId);
      if (!existing) throw new SmartResizeError('job_not_found', `No fal request ${requestId} is recorded.`);
      return existing;
    });
  }

  /** Every request of a job, live or not, by batch then submission order. */
  listRequests(jobId: string): JobRequestRecord[] {
    return allRows<RequestRow>(
      this.ctx.db,
      'SELECT * FROM job_requests WHERE job_id = :jobId ORDER BY batch_index, id',
      { jobId },
    ).map(toRequestRecord);
  }

  /**
   * The requests a resuming job must fetch by id instead of submitting (state submitted or completed), one per
   * batch at most. A batch of the profile with no live request here still has to be submitted.
   */
  liveRequests(jobId: string): JobRequestRecord[] {
    return this.listRequests(jobId).filter((r) => r.state === 'submitted' || r.state === 'completed');
  }

  /** Requests still at fal of jobs already done (one size re-run at fal), oldest first. */
  rerunsInFlight(): JobRequestRecord[] {
    return allRows<RequestRow>(
      this.ctx.db,
      `SELECT r.* FROM job_requests r JOIN jobs j ON j.id = r.job_id
       WHERE r.state = 'submitted' AND j.state = 'done' ORDER BY r.submitted_at, r.id`,
    ).map(toRequestRecord);
  }

  /** The request with this fal id, or undefined. */
  findByRequestId(requestId: string): JobRequestRecord | undefined {
    const row = getRow<RequestRow>(this.ctx.db, 'SELECT * FROM job_requests WHERE request_id = :requestId', {
      requestId,
    });
    return row && toRequestRecord(row);
  }
}
