import { SmartResizeError } from '../../../domain/errors';
import { isRunning, isFinished, type JobState } from '../../../domain/jobStates';
import { canTransition } from '../../../domain/jobTransitions';
import type { TransitionPatch } from '../jobRepositories';
import { STORE_EVENT_KINDS } from '../storeEvents';
import { appendEvent } from './eventLog';
import { toJobRecord, type JobRow } from './rowMappers';
import { getRow } from './sqlite';
import type { StoreContext } from './storeContext';
import type { JobRecord } from '../types';

/** Store-internal knobs of a transition that callers of the public API do not get. */
export interface TransitionMode {
  /** Leave the job without a worker (recovery, requeue): the scheduler's claim picks it up again. */
  readonly unclaimed?: boolean;
  /** A user's retry: attempts start again from zero. */
  readonly resetAttempts?: boolean;
  /** Recorded in the event so the log tells recovery and user actions from worker progress. */
  readonly cause?: string;
}

/**
 * Moves `job` to `to` after checking the state machine, stamps the timestamps that follow from the move, and
 * appends a `job_state` event. Callers wrap it in a transaction with whatever else belongs to the same change.
 */
export function applyTransition(
  ctx: StoreContext,
  job: JobRecord,
  to: JobState,
  patch: TransitionPatch = {},
  mode: TransitionMode = {},
): JobRecord {
  if (!canTransition(job.state, to)) {
    throw new SmartResizeError(
      'invalid_job_transition',
      `Job ${job.sourceName} (${job.id}) cannot go from ${job.state} to ${to}.`,
    );
  }
  if (to === 'retry_scheduled' && patch.nextAttemptAt === undefined) {
    throw new SmartResizeError('invalid_job_transition', `A retry for job ${job.id} needs a time (nextAttemptAt).`);
  }
  const now = ctx.now();
  const active = isRunning(to);
  const attempts = mode.resetAttempts ? 0 : job.attempts + ((patch.countsAttempt ?? to === 'retry_scheduled') ? 1 : 0);
  // Back in line keeps the progress: the outputs already written stay and are not made again.
  const progress = patch.progress ?? (to === 'done' ? 1 : job.progress);
  const row = getRow<JobRow>(
    ctx.db,
    `UPDATE jobs SET
       state = :to,
       state_reason = :reason,
       attempts = :attempts,
       next_attempt_at = :nextAttemptAt,
       claimed_at = CASE WHEN :claim = 1 THEN coalesce(claimed_at, :now) END,
       progress = :progress,
       updated_at = :now,
       started_at = CASE WHEN :active = 1 THEN coalesce(started_at, :now) ELSE started_at END,
       finished_at = CASE WHEN :terminal = 1 THEN :now END,
       error_code = :errorCode,
       error_message = :errorMessage
     WHERE id = :id AND state = :from
     RETURNING *`,
    {
      id: job.id,
      from: job.state,
      to,
      reason: patch.reason ?? null,
      attempts,
      nextAttemptAt: to === 'retry_scheduled' ? patch.nextAttemptAt! : null,
      claim: active && !mode.unclaimed ? 1 : 0,
      progress: Math.min(1, Math.max(0, progress)),
      now,
      active: active ? 1 : 0,
      terminal: isFinished(to) ? 1 : 0,
      errorCode: to === 'done' ? null : patch.errorCode === undefined ? job.errorCode : patch.errorCode,
      errorMessage: to === 'done' ? null : patch.errorMessage === undefined ? job.errorMessage : patch.errorMessage,
    },
  );
  // The read and this write share one IMMEDIATE transaction, so a miss means the caller skipped the transaction.
  if (!row) throw new Error(`Job ${job.id} changed while moving from ${job.state} to ${to}; use a transaction.`);
  const updated = toJobRecord(row);
  appendEvent(ctx, STORE_EVENT_KINDS.jobState, job.id, {
    from: job.state,
    to,
    reason: updated.stateReason,
    attempts: updated.attempts,
    ...(updated.nextAttemptAt !== null && { nextAttemptAt: updated.nextAttemptAt }),
    ...(patch.errorCode && { errorCode: patch.errorCode }),
    ...(mode.cause && { cause: mode.cause }),
  }, updated);
  return updated;
}
