import { SmartResizeError } from '../../../domain/errors';
import { isFinished, isRunning, type JobState } from '../../../domain/jobStates';
import { canTransition } from '../../../domain/jobTransitions';
import type { TransitionPatch } from '../jobRepositories';
import { toJobRecord, type JobRow } from '../sqlite/rowMappers';
import type { TransitionMode } from '../sqlite/jobTransition';
import { STORE_EVENT_KINDS } from '../storeEvents';
import type { JobRecord } from '../types';
import type { PgContext } from './pgContext';
import { appendEvent } from './pgEventLog';
import { DB_NOW_MS, pgRow } from './pgSql';

/**
 * Moves `job` (read FOR UPDATE in this unit) to `to` after checking the state machine, as SQLite's applyTransition
 * does, plus the team's claim: a move into a running state claims the job for this instance with a lease; leaving
 * the running states releases it. A worker's move of a running job another instance holds is refused
 * (`invalid_job_transition`, "taken over"): after a lease expired and the job was taken over, the old holder stops
 * instead of doing the work twice. Recovery, requeues, cancels and retries (a `mode.cause`) are not fenced.
 */
export async function applyTransition(
  ctx: PgContext,
  job: JobRecord,
  to: JobState,
  patch: TransitionPatch = {},
  mode: TransitionMode = {},
): Promise<JobRecord> {
  if (!canTransition(job.state, to)) {
    throw new SmartResizeError('invalid_job_transition', `Job ${job.sourceName} (${job.id}) cannot go from ${job.state} to ${to}.`);
  }
  if (to === 'retry_scheduled' && patch.nextAttemptAt === undefined) {
    throw new SmartResizeError('invalid_job_transition', `A retry for job ${job.id} needs a time (nextAttemptAt).`);
  }
  const now = ctx.now();
  const active = isRunning(to);
  const attempts = mode.resetAttempts ? 0 : job.attempts + ((patch.countsAttempt ?? to === 'retry_scheduled') ? 1 : 0);
  const progress = patch.progress ?? (to === 'done' ? 1 : job.progress);
  const claim = active && !mode.unclaimed;
  const row = await pgRow<JobRow>(
    ctx.client,
    `UPDATE jobs SET
       state = :to,
       state_reason = :reason,
       attempts = :attempts,
       next_attempt_at = :nextAttemptAt,
       claimed_at = CASE WHEN :claim = 1 THEN coalesce(claimed_at, :now) END,
       claimed_by = CASE WHEN :claim = 1 THEN :me::text END,
       lease_until = CASE WHEN :claim = 1 THEN ${DB_NOW_MS} + :leaseMs END,
       made_by = CASE WHEN :claim = 1 THEN :me::text ELSE made_by END,
       progress = :progress,
       updated_at = :now,
       started_at = CASE WHEN :active = 1 THEN coalesce(started_at, :now) ELSE started_at END,
       finished_at = CASE WHEN :terminal = 1 THEN :now END,
       error_code = :errorCode,
       error_message = :errorMessage
     WHERE id = :id AND state = :from AND (:fenced = 0 OR claimed_by IS NULL OR claimed_by = :me::text)
     RETURNING *`,
    {
      id: job.id,
      from: job.state,
      to,
      reason: patch.reason ?? null,
      attempts,
      nextAttemptAt: to === 'retry_scheduled' ? patch.nextAttemptAt! : null,
      claim: claim ? 1 : 0,
      me: ctx.instance,
      leaseMs: ctx.leaseMs,
      progress: Math.min(1, Math.max(0, progress)),
      now,
      active: active ? 1 : 0,
      terminal: isFinished(to) ? 1 : 0,
      errorCode: to === 'done' ? null : patch.errorCode === undefined ? job.errorCode : patch.errorCode,
      errorMessage: to === 'done' ? null : patch.errorMessage === undefined ? job.errorMessage : patch.errorMessage,
      fenced: isRunning(job.state) && mode.cause === undefined ? 1 : 0,
    },
  );
  if (!row) {
    const holder = await pgRow<{ claimed_by: string | null }>(ctx.client, 'SELECT claimed_by FROM jobs WHERE id = :id', { id: job.id });
    if (holder?.claimed_by && holder.claimed_by !== ctx.instance) {
      throw new SmartResizeError(
        'invalid_job_transition',
        `Job ${job.sourceName} (${job.id}) was taken over by ${holder.claimed_by} after this instance's lease ran out.`,
      );
    }
    throw new Error(`Job ${job.id} changed while moving from ${job.state} to ${to}; read it FOR UPDATE in the same unit.`);
  }
  const updated = toJobRecord(row);
  await appendEvent(ctx, STORE_EVENT_KINDS.jobState, job.id, {
    from: job.state,
    to,
    reason: updated.stateReason,
    attempts: updated.attempts,
    ...(updated.nextAttemptAt !== null && { nextAttemptAt: updated.nextAttemptAt }),
    ...(patch.errorCode && { errorCode: patch.errorCode }),
    ...(mode.cause && { cause: mode.cause }),
    ...(claim && { by: ctx.instance }),
  }, updated);
  return updated;
}
