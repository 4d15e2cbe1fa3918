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
import { pgRow, pgRows, pgRun, type PgParams } from './pgSql';
import { takeOverPartialCopy } from './pgPartialCopies';

/** The columns of a new job as SQL parameters (a refusal is written as the failed state and its error). */
function newJobParams(input: NewJob): PgParams {
  return {
    contentHash: input.contentHash,
    profileId: input.profileId,
    profileVersion: input.profileVersion,
    sourcePath: input.sourcePath,
    sourceName: input.sourceName,
    sourceSize: input.sourceSize,
    folderId: input.folderId,
    origin: input.origin,
    provider: input.provider,
  };
}

/** Creating jobs and moving them through the state machine (PostgreSQL; the contract is JobRepository's). */
export class PgJobRepository implements JobRepository {
  constructor(private readonly ctx: PgContext) {}

  /**
   * The team's dedupe: the unique key (content hash, profile id, profile version) of first jobs is in the shared
   * database, so the first instance to see the content owns the job. The same file seen again (by any instance: a
   * shared folder) gets that job back and a "seen by <instance>" row; a copy under another path gets a `skipped`
   * record naming the first job (once per path), as SQLite's store does.
   */
  async insertJobIfNew(input: NewJob): Promise<InsertJobResult> {
    // The rest of a paused copy: the job that read the first part takes the whole file (see pgPartialCopies).
    const resumed = await takeOverPartialCopy(this.ctx, input);
    if (resumed) return { job: resumed, created: true };
    const now = this.ctx.now();
    const row = await pgRow<JobRow>(
      this.ctx.client,
      `INSERT INTO jobs (id, content_hash, profile_id, profile_version, source_path, source_name, source_size,
                         folder_id, origin, provider, state, error_code, error_message, created_at, updated_at,
                         finished_at, created_by)
       VALUES (:id, :contentHash, :profileId, :profileVersion, :sourcePath, :sourceName, :sourceSize,
               :folderId, :origin, :provider, :state, :errorCode, :errorMessage, :now, :now, :finishedAt, :me)
       ON CONFLICT (content_hash, profile_id, profile_version) WHERE duplicate_of IS NULL DO NOTHING
       RETURNING *`,
      {
        ...newJobParams(input),
        id: randomUUID(),
        now,
        me: this.ctx.instance,
        state: input.refusal ? 'failed' : 'queued',
        errorCode: input.refusal?.code ?? null,
        errorMessage: input.refusal?.message ?? null,
        finishedAt: input.refusal ? now : null,
      },
    );
    if (!row) return this.recordCopy(input, now);
    const job = toJobRecord(row);
    // A refused file is a record, not work arriving (the batch and the burst gate count job_created).
    await appendEvent(this.ctx, input.refusal ? STORE_EVENT_KINDS.jobRefused : STORE_EVENT_KINDS.jobCreated, job.id, {
      sourceName: job.sourceName,
      folderId: job.folderId,
      profileId: job.profileId,
      origin: job.origin,
      by: this.ctx.instance,
      ...(input.refusal && { message: input.refusal.message }),
    }, job);
    return { job, created: true };
  }

  async makeAnyway(jobId: string): Promise<JobRecord> {
    const job = await requireJob(this.ctx, jobId);
    if (job.state !== 'skipped') {
      throw new SmartResizeError('invalid_job_transition', `${job.sourceName} is not skipped (it is ${job.state}): there is nothing to make anyway.`);
    }
    return applyTransition(this.ctx, job, 'queued', { reason: 'made anyway by the user' }, { unclaimed: true, resetAttempts: true, cause: 'make_anyway' });
  }

  /** The first job of this content (seen again: a sighting), or the copy's own record (made now unless it exists). */
  private async recordCopy(input: NewJob, now: number): Promise<InsertJobResult> {
    const firstRow = await pgRow<JobRow>(
      this.ctx.client,
      `SELECT * FROM jobs WHERE content_hash = :contentHash AND profile_id = :profileId
         AND profile_version = :profileVersion AND duplicate_of IS NULL`,
      { contentHash: input.contentHash, profileId: input.profileId, profileVersion: input.profileVersion },
    );
    const first = toJobRecord(firstRow!);
    if (first.sourcePath === input.sourcePath) {
      await pgRun(
        this.ctx.client,
        `INSERT INTO job_sightings (job_id, instance, source_path, seen_at) VALUES (:jobId, :me, :sourcePath, :now)
         ON CONFLICT (job_id, instance, source_path) DO UPDATE SET seen_at = excluded.seen_at`,
        { jobId: first.id, me: this.ctx.instance, sourcePath: input.sourcePath, now },
      );
      return { job: first, created: false };
    }
    // One record per copy's path: taken under a lock on the first job, so two instances seeing the copy make one.
    await pgRow(this.ctx.client, 'SELECT id FROM jobs WHERE id = :id FOR UPDATE', { id: first.id });
    const known = await pgRow<JobRow>(
      this.ctx.client,
      'SELECT * FROM jobs WHERE duplicate_of = :firstId AND source_path = :sourcePath ORDER BY created_at DESC LIMIT 1',
      { firstId: first.id, sourcePath: input.sourcePath },
    );
    if (known) return { job: toJobRecord(known), created: false, copyOf: first };
    const skipped = toJobRecord(
      (await pgRow<JobRow>(
        this.ctx.client,
        `INSERT INTO jobs (id, content_hash, profile_id, profile_version, source_path, source_name, source_size,
                           folder_id, origin, provider, state, state_reason, progress, created_at, updated_at,
                           finished_at, duplicate_of, created_by)
         VALUES (:id, :contentHash, :profileId, :profileVersion, :sourcePath, :sourceName, :sourceSize,
                 :folderId, :origin, :provider, 'skipped', :reason, 0, :now, :now, :now, :firstId, :me)
         RETURNING *`,
        { ...newJobParams(input), id: randomUUID(), now, firstId: first.id, reason: `same image as ${first.sourceName}`, me: this.ctx.instance },
      ))!,
    );
    await appendEvent(this.ctx, STORE_EVENT_KINDS.jobSkipped, skipped.id, {
      sourceName: skipped.sourceName,
      folderId: skipped.folderId,
      duplicateOf: first.id,
      origin: skipped.origin,
    }, skipped);
    return { job: skipped, created: false, copyOf: first };
  }

  getJob(jobId: string): Promise<JobRecord | undefined> {
    return findJob(this.ctx, jobId);
  }

  /** The hashes of these that have a first job with this profile version, in one query. */
  async knownContent(contentHashes: readonly string[], profileId: string, profileVersion: number): Promise<Set<string>> {
    if (contentHashes.length === 0) return new Set();
    const rows = await pgRows<{ content_hash: string }>(
      this.ctx.client,
      // The hashes go as one JSON array (the placeholders bind scalars only).
      `SELECT content_hash FROM jobs WHERE content_hash IN (SELECT jsonb_array_elements_text(:contentHashes::jsonb))
         AND profile_id = :profileId AND profile_version = :profileVersion AND duplicate_of IS NULL`,
      { contentHashes: JSON.stringify(contentHashes), profileId, profileVersion },
    );
    return new Set(rows.map((row) => row.content_hash));
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
