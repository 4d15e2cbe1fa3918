import { access } from 'node:fs/promises';
import { isSmartResizeError } from '../../domain/errors';
import { isFalDeadline } from '../fal/falDeadline';
import { classifyFalError } from '../fal/falErrorClassification';
import type { JobRecord, JobStore } from '../store';
import { canTransition } from '../../domain/jobTransitions';
import type { JobOutcome, StopReason } from './jobRunnerTypes';
import { MAX_ATTEMPTS, retryDelayMs } from './retryPolicy';

/** What the runner knows when a job run throws. */
export interface FailureContext {
  readonly store: JobStore;
  readonly job: JobRecord;
  readonly now: number;
  /** The fal request being waited on when it failed, if any (a 422 marks it failed). */
  readonly requestId?: string;
  /**
   * The root of the hot folder the job came from (undefined for drops and the CLI): while it is gone the folder is
   * in standby and the job waits for it; a source missing below a root that is there was moved or deleted.
   */
  readonly watchedFolder?: string;
  readonly stopReason?: StopReason;
  readonly onOffline: () => void;
  /** fal refused a submitted request (422): it may still bill it (the spend ledger records it apart). */
  readonly onRejected?: (requestId: string) => Promise<void> | undefined;
}

/**
 * Turns a failure into the job's next state (ARCHITECTURE.md, "Errors") and the outcome the scheduler acts on.
 * Our own refusals (unreadable file, bad output folder) are permanent; fal's are classified by kind.
 */
export async function settleFailure(error: unknown, context: FailureContext): Promise<JobOutcome> {
  const { store, job } = context;
  if (context.stopReason === 'cancel') return { kind: 'stopped' };
  if (context.stopReason === 'shutdown') {
    await store.queue.requeue(job.id, 'the app was closed while this job ran');
    return { kind: 'stopped' };
  }
  if (context.stopReason === 'offline') return parkForNetwork(context);
  // Its request was cancelled at fal already (see giveUpAtDeadline): a new attempt submits afresh.
  if (isFalDeadline(error)) return retryOrFail(context, 'fal_deadline', `${error.message} It was cancelled at fal.`);
  if (isSmartResizeError(error)) {
    if (error.code === 'fal_key_missing') return pauseForAuth(context, error.message);
    if (error.code === 'file_not_found' && context.watchedFolder !== undefined && !(await isThere(context.watchedFolder))) {
      return waitForWatchedFolder(context, `${context.watchedFolder} is not there (drive unplugged or share lost?)`);
    }
    // Its outputs' folder went with the share (an unmount): it waits for the share as for its hot folder.
    if (error.code === 'output_folder_gone' && context.watchedFolder !== undefined) return waitForWatchedFolder(context, error.message.replace(/\.$/, ''));
    return fail(context, error.code, error.message);
  }
  const failure = classifyFalError(error);
  switch (failure.kind) {
    case 'offline':
      context.onOffline();
      return parkForNetwork(context);
    case 'auth':
      return pauseForAuth(context, failure.message);
    case 'rejected':
      if (context.requestId) {
        await store.requests.finishRequest(context.requestId, 'failed');
        await context.onRejected?.(context.requestId);
      }
      return fail(context, failure.type ?? `fal_${failure.status ?? 'error'}`, failure.message);
    case 'aborted':
      await store.queue.requeue(job.id, 'stopped waiting for fal');
      return { kind: 'stopped' };
    case 'retryable':
      return retryOrFail(context, failure.type ?? 'fal_unavailable', failure.message);
  }
}

/**
 * A retryable failure uses an attempt: the job is retried with backoff, or after MAX_ATTEMPTS it fails with the
 * reason. The failing attempt is counted in the job's `attempts` too, so the count the message says is the job's.
 */
async function retryOrFail(context: FailureContext, code: string, message: string): Promise<JobOutcome> {
  const { store, job } = context;
  const attempts = ((await store.jobs.getJob(job.id))?.attempts ?? job.attempts) + 1;
  if (attempts >= MAX_ATTEMPTS) return fail(context, code, `${message} (gave up after ${attempts} attempts)`, true);
  const at = context.now + retryDelayMs(attempts);
  await store.jobs.transition(job.id, 'retry_scheduled', { nextAttemptAt: at, reason: message });
  return { kind: 'retry', at };
}

/**
 * Offline: the job waits for the network without using an attempt. A job stopped while writing (nothing left to
 * fetch) cannot wait there; it goes back in line and resumes by its request id.
 */
async function parkForNetwork(context: FailureContext): Promise<JobOutcome> {
  const { store, job } = context;
  const current = await store.jobs.getJob(job.id);
  if (current && canTransition(current.state, 'waiting_network')) {
    await store.jobs.transition(job.id, 'waiting_network', { reason: 'waiting for the network' });
  } else {
    await store.queue.requeue(job.id, 'waiting for the network');
  }
  return { kind: 'offline' };
}

async function fail(context: FailureContext, code: string, message: string, countsAttempt = false): Promise<JobOutcome> {
  await context.store.jobs.transition(context.job.id, 'failed', { errorCode: code, errorMessage: message, reason: message, countsAttempt });
  return { kind: 'failed', message };
}

/** A bad key pauses the whole queue: the job goes back in line untouched, to run once the key is fixed. */
async function pauseForAuth(context: FailureContext, message: string): Promise<JobOutcome> {
  await context.store.queue.requeue(context.job.id, message);
  return { kind: 'auth', message };
}

/** How often a job whose hot folder is gone looks again: the hot folder's own standby poll. */
const WATCHED_FOLDER_RETRY_MS = 5_000;

/**
 * The job's whole hot folder is gone (a share lost, a drive unplugged: the folder is in standby), not the file: the
 * job tries again until it is back, without using an attempt, instead of failing an image that is only out of reach
 * (the folder's return would not bring it back: its file is already known). Only the watched root counts: a
 * subfolder someone deleted, or a dropped file's folder, is not coming back by itself, so its job fails as a missing
 * file rather than waiting until it is cancelled. The same when the folder its outputs go in is gone (a real unmount
 * takes it too): its downloaded result is fetched again by request id once the share is back. `gone` says what.
 */
async function waitForWatchedFolder(context: FailureContext, gone: string): Promise<JobOutcome> {
  const at = context.now + WATCHED_FOLDER_RETRY_MS;
  const reason = `${gone}; tried again until it returns.`;
  // No attempt used: however long the share is away, the job's next real failure still gets its retries.
  await context.store.jobs.transition(context.job.id, 'retry_scheduled', { nextAttemptAt: at, reason, countsAttempt: false });
  return { kind: 'retry', at };
}

async function isThere(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
