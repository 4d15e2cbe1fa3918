import { randomUUID } from 'node:crypto';
import { SmartResizeError } from '../../../domain/errors';
import { isFinished, type JobState } from '../../../domain/jobStates';
import { resumeState } from '../../../domain/jobTransitions';
import type { CancelJobResult, InsertJobResult, TransitionPatch } from '../jobRepositories';
import { STORE_EVENT_KINDS } from '../storeEvents';
import { appendEvent } from './eventLog';
import { applyTransition } from './jobTransition';
import { findJob, hasLiveRequest, requireJob } from './jobRows';
import { takeOverPartialCopy } from './partialCopies';
import { toJobRecord, type JobRow } from './rowMappers';
import { allRows, getRow, run, withTransaction } from './sqlite';
import type { StoreContext } from './storeContext';
import type { JobRecord, NewJob } from '../types';

/** Creating jobs and moving them through the state machine (SQLite; the contract is JobRepository's). */
export class SqliteJobRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Creates a `queued` job unless one exists for the same (content hash, profile id, profile version), so a renamed,
   * copied or touched file is never paid for twice. The same file again (the first job's own path) returns that job
   * whatever its state; a failed or cancelled one is not restarted here: that is the user's `retry`. A copy under
   * another path gets a `skipped` record naming the first job (once per path), so it never vanishes in silence.
   * New, larger content at the path of a job that only read a partial copy goes to that job (`created` is true).
   */
  insertJobIfNew(input: NewJob): InsertJobResult {
    return withTransaction(this.ctx, () => {
      // The rest of a paused copy: the job that read the first part takes the whole file (see partialCopies).
      const resumed = takeOverPartialCopy(this.ctx, input);
      if (resumed) return { job: resumed, created: true };
      const now = this.ctx.now();
      const row = getRow<JobRow>(
        this.ctx.db,
        `INSERT INTO jobs (id, content_hash, profile_id, profile_version, source_path, source_name, source_size,
                           folder_id, origin, provider, state, error_code, error_message, created_at, updated_at,
                           finished_at)
         VALUES (:id, :contentHash, :profileId, :profileVersion, :sourcePath, :sourceName, :sourceSize,
                 :folderId, :origin, :provider, :state, :errorCode, :errorMessage, :now, :now, :finishedAt)
         ON CONFLICT (content_hash, profile_id, profile_version) WHERE duplicate_of IS NULL DO NOTHING
         RETURNING *`,
        {
          contentHash: input.contentHash,
          profileId: input.profileId,
          profileVersion: input.profileVersion,
          sourcePath: input.sourcePath,
          sourceName: input.sourceName,
          sourceSize: input.sourceSize,
          folderId: input.folderId,
          origin: input.origin,
          provider: input.provider,
          id: randomUUID(),
          now,
          state: input.refusal ? 'failed' : 'queued',
          errorCode: input.refusal?.code ?? null,
          errorMessage: input.refusal?.message ?? null,
          finishedAt: input.refusal ? now : null,
        },
      );
      if (!row) return this.recordCopy(input);
      const job = toJobRecord(row);
      // A refused file is a record, not work arriving (the batch and the burst gate count job_created).
      appendEvent(this.ctx, input.refusal ? STORE_EVENT_KINDS.jobRefused : STORE_EVENT_KINDS.jobCreated, job.id, {
        sourceName: job.sourceName,
        folderId: job.folderId,
        profileId: job.profileId,
        origin: job.origin,
        ...(input.refusal && { message: input.refusal.message }),
      }, job);
      return { job, created: true };
    });
  }

  /**
   * "Make anyway": the person pays for a skipped copy. The record becomes a queued job (its link to the first job
   * stays), with a fresh attempt budget.
   */
  makeAnyway(jobId: string): JobRecord {
    return withTransaction(this.ctx, () => {
      const job = requireJob(this.ctx, jobId);
      if (job.state !== 'skipped') {
        throw new SmartResizeError('invalid_job_transition', `${job.sourceName} is not skipped (it is ${job.state}): there is nothing to make anyway.`);
      }
      return applyTransition(this.ctx, job, 'queued', { reason: 'made anyway by the user' }, { unclaimed: true, resetAttempts: true, cause: 'make_anyway' });
    });
  }

  /** The first job of this content, and the copy's own record (made now unless this path has one). */
  private recordCopy(input: NewJob): InsertJobResult {
    const first = toJobRecord(
      getRow<JobRow>(
        this.ctx.db,
        `SELECT * FROM jobs WHERE content_hash = :contentHash AND profile_id = :profileId
           AND profile_version = :profileVersion AND duplicate_of IS NULL`,
        { contentHash: input.contentHash, profileId: input.profileId, profileVersion: input.profileVersion },
      )!,
    );
    if (first.sourcePath === input.sourcePath) return { job: first, created: false };
    const known = getRow<JobRow>(
      this.ctx.db,
      'SELECT * FROM jobs WHERE duplicate_of = :firstId AND source_path = :sourcePath ORDER BY created_at DESC LIMIT 1',
      { firstId: first.id, sourcePath: input.sourcePath },
    );
    if (known) return { job: toJobRecord(known), created: false, copyOf: first };
    const now = this.ctx.now();
    const skipped = toJobRecord(
      getRow<JobRow>(
        this.ctx.db,
        `INSERT INTO jobs (id, content_hash, profile_id, profile_version, source_path, source_name, source_size,
                           folder_id, origin, provider, state, state_reason, progress, created_at, updated_at,
                           finished_at, duplicate_of)
         VALUES (:id, :contentHash, :profileId, :profileVersion, :sourcePath, :sourceName, :sourceSize,
                 :folderId, :origin, :provider, 'skipped', :reason, 0, :now, :now, :now, :firstId)
         RETURNING *`,
        {
          contentHash: input.contentHash,
          profileId: input.profileId,
          profileVersion: input.profileVersion,
          sourcePath: input.sourcePath,
          sourceName: input.sourceName,
          sourceSize: input.sourceSize,
          folderId: input.folderId,
          origin: input.origin,
          provider: input.provider,
          id: randomUUID(),
          now,
          firstId: first.id,
          reason: `same image as ${first.sourceName}`,
        },
      )!,
    );
    appendEvent(this.ctx, STORE_EVENT_KINDS.jobSkipped, skipped.id, {
      sourceName: skipped.sourceName,
      folderId: skipped.folderId,
      duplicateOf: first.id,
      origin: skipped.origin,
    }, skipped);
    return { job: skipped, created: false, copyOf: first };
  }

  /** The job, or undefined. */
  getJob(jobId: string): JobRecord | undefined {
    return findJob(this.ctx, jobId);
  }

  /** The hashes of these that have a first job with this profile version (one indexed look-up each). */
  knownContent(contentHashes: readonly string[], profileId: string, profileVersion: number): Set<string> {
    return new Set(
      contentHashes.filter((contentHash) =>
        getRow<{ one: number }>(
          this.ctx.db,
          `SELECT 1 AS one FROM jobs WHERE content_hash = :contentHash AND profile_id = :profileId
             AND profile_version = :profileVersion AND duplicate_of IS NULL`,
          { contentHash, profileId, profileVersion },
        ),
      ),
    );
  }

  /**
   * Moves a job to `to` if the state machine allows it (else `invalid_job_transition`; `job_not_found` for an unknown
   * id), writing the `job_state` event in the same transaction. Going to `retry_scheduled` needs `nextAttemptAt`
   * and counts one attempt. A worker should treat `invalid_job_transition` after a `cancel` as "stop".
   */
  transition(jobId: string, to: JobState, patch?: TransitionPatch): JobRecord {
    return withTransaction(this.ctx, () => applyTransition(this.ctx, requireJob(this.ctx, jobId), to, patch));
  }

  /** Records progress (0..1, clamped) without an event: live progress goes over the engine's in-memory bus. */
  setProgress(jobId: string, progress: number): void {
    const { changes } = run(this.ctx.db, 'UPDATE jobs SET progress = :progress, updated_at = :now WHERE id = :jobId', {
      jobId,
      progress: Math.min(1, Math.max(0, progress)),
      now: this.ctx.now(),
    });
    if (changes === 0) requireJob(this.ctx, jobId);
  }

  /**
   * A user's retry of a failed or cancelled job. Attempts restart from zero (the user asked, so the automatic
   * retry budget is fresh) and the error is cleared. A job holding a live fal request (say it failed while writing
   * the files) goes to `submitted` so its paid result is fetched again; otherwise it goes back to `queued`.
   */
  retry(jobId: string): JobRecord {
    return withTransaction(this.ctx, () => {
      const job = requireJob(this.ctx, jobId);
      if (job.state !== 'failed' && job.state !== 'cancelled') {
        throw new SmartResizeError(
          'invalid_job_transition',
          `Only failed or cancelled jobs can be retried; ${job.sourceName} is ${job.state}.`,
        );
      }
      const to = resumeState(hasLiveRequest(this.ctx, jobId));
      const patch = { reason: 'retried by the user', errorCode: null, errorMessage: null };
      return applyTransition(this.ctx, job, to, patch, { unclaimed: true, resetAttempts: true, cause: 'retry' });
    });
  }

  /**
   * Cancels a job in any non-terminal state. Its still-running fal requests are marked cancelled and returned so
   * the caller sends fal's cancel (waiting on fal without cancelling would still be billed). Completed requests stay
   * completed: a later retry fetches their paid results instead of paying again.
   */
  cancel(jobId: string, reason = 'cancelled by the user'): CancelJobResult {
    return withTransaction(this.ctx, () => {
      const job = requireJob(this.ctx, jobId);
      if (isFinished(job.state)) {
        throw new SmartResizeError('invalid_job_transition', `${job.sourceName} is already ${job.state}.`);
      }
      const cancelled = allRows<{ request_id: string }>(
        this.ctx.db,
        `UPDATE job_requests SET state = 'cancelled', completed_at = :now
         WHERE job_id = :jobId AND state = 'submitted'
         RETURNING request_id`,
        { jobId, now: this.ctx.now() },
      );
      const updated = applyTransition(this.ctx, job, 'cancelled', { reason }, { cause: 'cancel' });
      return { job: updated, falRequestIdsToCancel: cancelled.map((r) => r.request_id) };
    });
  }
}
