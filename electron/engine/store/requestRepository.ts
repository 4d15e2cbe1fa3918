import { SmartResizeError } from '../../domain/errors';
import { STORE_EVENT_KINDS, appendEvent } from './eventLog';
import { applyTransition, requireJob } from './jobTransition';
import { toRequestRecord, type RequestRow } from './rowMappers';
import { allRows, getRow, run, withTransaction } from './sqlite';
import type { StoreContext } from './storeContext';
import type { JobRecord, JobRequestRecord } from './types';

/** Result of {@link RequestRepository.recordRequestId}. */
export interface RecordRequestResult {
  readonly request: JobRequestRecord;
  /** The job after recording (moved to `submitted` if it was uploading). */
  readonly job: JobRecord;
  /** The job was cancelled while this request was being submitted: send fal's cancel for it now. */
  readonly cancelNeeded: boolean;
}

/** How a fal request ended. */
export type RequestOutcome = 'completed' | 'failed' | 'cancelled';

/** Where a submit stands (see migration 005): `sending` until fal's answer, or the request, is known. */
export type SubmitState = 'sending' | 'answered' | 'adopted' | 'refused' | 'absent' | 'unverified';

/** One submit as recorded before it went out. */
export interface FalSubmitRecord {
  readonly id: number;
  readonly jobId: string;
  readonly batchIndex: number;
  /** The upload URL the submit carried: how the request is found in fal's request history. */
  readonly imageUrl: string;
  readonly sizes: string[];
  /** The least fal may bill for it (shown as may-be-billed while its request is unknown). */
  readonly mayBillCents: number;
  readonly state: SubmitState;
  readonly requestId: string | null;
  readonly sentAt: number;
}

/** What is recorded about a submit before it is sent. */
export interface NewFalSubmit {
  readonly jobId: string;
  readonly batchIndex: number;
  readonly imageUrl: string;
  readonly sizes: readonly string[];
  readonly mayBillCents: number;
}

interface SubmitRow {
  id: number;
  job_id: string;
  batch_index: number;
  image_url: string;
  sizes: string;
  may_bill_cents: number;
  state: SubmitState;
  request_id: string | null;
  sent_at: number;
}

function toSubmitRecord(row: SubmitRow): FalSubmitRecord {
  return {
    id: row.id,
    jobId: row.job_id,
    batchIndex: row.batch_index,
    imageUrl: row.image_url,
    sizes: JSON.parse(row.sizes) as string[],
    mayBillCents: row.may_bill_cents,
    state: row.state,
    requestId: row.request_id,
    sentAt: row.sent_at,
  };
}

/** The fal requests of jobs: the record that prevents paying twice. */
export class RequestRepository {
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
    return withTransaction(this.ctx.db, () => {
      if (submit) this.resolveSubmitRow(submit.id, submit.how, requestId);
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
      appendEvent(this.ctx, STORE_EVENT_KINDS.requestSubmitted, jobId, { batchIndex, requestId, sizes });
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
    return withTransaction(this.ctx.db, () => {
      const row = getRow<RequestRow>(
        this.ctx.db,
        `UPDATE job_requests SET state = :outcome, completed_at = :now
         WHERE request_id = :requestId AND state = 'submitted'
         RETURNING *`,
        { requestId, outcome, now: this.ctx.now() },
      );
      if (row) {
        appendEvent(this.ctx, STORE_EVENT_KINDS.requestFinished, row.job_id, { requestId, outcome });
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

  /**
   * Records that a submit is about to go out, with the upload URL it carries. Call it before sending. Refused
   * (`invalid_job_transition`) while an earlier submit of the batch is unresolved: that one may exist at fal.
   */
  recordSubmitSending(submit: NewFalSubmit): FalSubmitRecord {
    return withTransaction(this.ctx.db, () => {
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

  /** The batch's submit whose request is not known yet (sent, answer never stored), if any. */
  openSubmit(jobId: string, batchIndex: number): FalSubmitRecord | undefined {
    const row = getRow<SubmitRow>(
      this.ctx.db,
      "SELECT * FROM fal_submits WHERE job_id = :jobId AND batch_index = :batchIndex AND state = 'sending'",
      { jobId, batchIndex },
    );
    return row && toSubmitRecord(row);
  }

  /** Settles a submit that created no request we know of: refused by fal, absent from its history, or unverified. */
  resolveSubmit(submitId: number, outcome: 'refused' | 'absent' | 'unverified'): void {
    withTransaction(this.ctx.db, () => this.resolveSubmitRow(submitId, outcome, null));
  }

  /** A job's submits, oldest first. */
  listSubmits(jobId: string): FalSubmitRecord[] {
    return allRows<SubmitRow>(this.ctx.db, 'SELECT * FROM fal_submits WHERE job_id = :jobId ORDER BY id', { jobId }).map(toSubmitRecord);
  }

  /**
   * What fal may bill for submits whose request is unknown (`sending`, `unverified`), sent in the range: the spend
   * view shows it as may-be-billed until the request is found.
   */
  unknownSubmitCents(range: { readonly since?: number; readonly until?: number } = {}): number {
    const row = getRow<{ cents: number }>(
      this.ctx.db,
      `SELECT coalesce(sum(may_bill_cents), 0) AS cents FROM fal_submits
       WHERE state IN ('sending', 'unverified') AND (:since IS NULL OR sent_at >= :since) AND (:until IS NULL OR sent_at < :until)`,
      { since: range.since ?? null, until: range.until ?? null },
    );
    return row?.cents ?? 0;
  }

  private resolveSubmitRow(submitId: number, state: Exclude<SubmitState, 'sending'>, requestId: string | null): void {
    const changed = run(
      this.ctx.db,
      `UPDATE fal_submits SET state = :state, request_id = :requestId, resolved_at = :now
       WHERE id = :submitId AND state = 'sending'`,
      { submitId, state, requestId, now: this.ctx.now() },
    ).changes;
    if (changed === 0) throw new SmartResizeError('invalid_job_transition', `fal submit ${submitId} is not waiting for its request.`);
  }

  /** The request with this fal id, or undefined. */
  findByRequestId(requestId: string): JobRequestRecord | undefined {
    const row = getRow<RequestRow>(this.ctx.db, 'SELECT * FROM job_requests WHERE request_id = :requestId', {
      requestId,
    });
    return row && toRequestRecord(row);
  }
}
