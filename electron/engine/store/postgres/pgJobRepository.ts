import { randomUUID } from 'node:crypto';
import { SmartResizeError } from '../../../domain/errors';
import { isFinished, type JobState } from '../../../domain/jobStates';
import { resumeState } from '../../../domain/jobTransitions';
import type { CancelJobResult, InsertJobResult, JobRepository, TransitionPatch } from '../jobRepositories';
import { toJobRecord, type JobRow } from '../sqlite/rowMappers';
import { STORE_EVENT_KINDS } from '../storeEvents';
import type { JobRecord, NewJob } from '../types';
import type { PgContext } from './pgContext';
import { appendEvent } from './pgEventLog';
import { findJob, hasLiveRequest, requireJob } from './pgJobRows';
import { applyTransition } from './pgJobTransition';
import { pgRow, pgRows, pgRun } from './pgSql';

/** Creating jobs and moving them through the state machine (PostgreSQL; the contract is JobRepository's). */
export class PgJobRepository implements JobRepository {
  constructor(private readonly ctx: PgContext) {}

  /**
   * The team's dedupe: the unique key (content hash, profile id, profile version) is in the shared database, so the
   * first instance to see the content owns the job; any other (or the same one again) gets that job back and a
   * "seen by <instance>" row instead of a second job.
   */
  async insertJobIfNew(input: NewJob): Promise<InsertJobResult> {
    const now = this.ctx.now();
    const row = await pgRow<JobRow>(
      this.ctx.client,
      `INSERT INTO jobs (id, content_hash, profile_id, profile_version, source_path, source_name, source_size,
                         folder_id, origin, provider, state, created_at, updated_at, created_by)
       VALUES (:id, :contentHash, :profileId, :profileVersion, :sourcePath, :sourceName, :sourceSize,
               :folderId, :origin, :provider, 'queued', :now, :now, :me)
       ON CONFLICT (content_hash, profile_id, profile_version) DO NOTHING
       RETURNING *`,
      { ...input, id: randomUUID(), now, me: this.ctx.instance },
    );
    if (!row) {
      const existing = await pgRow<JobRow>(
        this.ctx.client,
        `SELECT * FROM jobs WHERE content_hash = :contentHash AND profile_id = :profileId AND profile_version = :profileVersion`,
        { contentHash: input.contentHash, profileId: input.profileId, profileVersion: input.profileVersion },
      );
      const job = toJobRecord(existing!);
      await pgRun(
        this.ctx.client,
        `INSERT INTO job_sightings (job_id, instance, source_path, seen_at) VALUES (:jobId, :me, :sourcePath, :now)
         ON CONFLICT (job_id, instance, source_path) DO UPDATE SET seen_at = excluded.seen_at`,
        { jobId: job.id, me: this.ctx.instance, sourcePath: input.sourcePath, now },
      );
      return { job, created: false };
    }
    const job = toJobRecord(row);
    await appendEvent(this.ctx, STORE_EVENT_KINDS.jobCreated, job.id, {
      sourceName: job.sourceName,
      folderId: job.folderId,
      profileId: job.profileId,
      origin: job.origin,
      by: this.ctx.instance,
    }, job);
    return { job, created: true };
  }

  getJob(jobId: string): Promise<JobRecord | undefined> {
    return findJob(this.ctx, jobId);
  }

  async transition(jobId: string, to: JobState, patch?: TransitionPatch): Promise<JobRecord> {
    return applyTransition(this.ctx, await requireJob(this.ctx, jobId), to, patch);
  }

  async setProgress(jobId: string, progress: number): Promise<void> {
    const changes = await pgRun(this.ctx.client, 'UPDATE jobs SET progress = :progress, updated_at = :now WHERE id = :jobId', {
      jobId,
      progress: Math.min(1, Math.max(0, progress)),
      now: this.ctx.now(),
    });
    if (changes === 0) await requireJob(this.ctx, jobId);
  }

  async retry(jobId: string): Promise<JobRecord> {
    const job = await requireJob(this.ctx, jobId);
    if (job.state !== 'failed' && job.state !== 'cancelled') {
      throw new SmartResizeError('invalid_job_transition', `Only failed or cancelled jobs can be retried; ${job.sourceName} is ${job.state}.`);
    }
    const to = resumeState(await hasLiveRequest(this.ctx, jobId));
    const patch = { reason: 'retried by the user', errorCode: null, errorMessage: null };
    return applyTransition(this.ctx, job, to, patch, { unclaimed: true, resetAttempts: true, cause: 'retry' });
  }

  async cancel(jobId: string, reason = 'cancelled by the user'): Promise<CancelJobResult> {
    const job = await requireJob(this.ctx, jobId);
    if (isFinished(job.state)) throw new SmartResizeError('invalid_job_transition', `${job.sourceName} is already ${job.state}.`);
    const cancelled = await pgRows<{ request_id: string }>(
      this.ctx.client,
      `UPDATE job_requests SET state = 'cancelled', completed_at = :now
       WHERE job_id = :jobId AND state = 'submitted'
       RETURNING request_id`,
      { jobId, now: this.ctx.now() },
    );
    const updated = await applyTransition(this.ctx, job, 'cancelled', { reason }, { cause: 'cancel' });
    return { job: updated, falRequestIdsToCancel: cancelled.map((r) => r.request_id) };
  }
}
