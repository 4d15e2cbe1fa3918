import type { FalClient } from '@fal-ai/client';
import { setTimeout as delay } from 'node:timers/promises';
import { abortError } from '../async/abortError';
import { isFalCallTimeout } from './falCallTimeouts';
import { SMART_RESIZE_ENDPOINT } from './falClient';
import { FalDeadlineError } from './falDeadline';
import { steadyPolls, type PollSchedule } from './falRunTimes';
import type { SmartResizeResultBody } from './smartResizeResult';

/** The client's own status poll interval. */
export const DEFAULT_POLL_MS = 500;

/** Progress of a request on fal, for the queue view. */
export interface FalQueueProgress {
  readonly status: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED';
  readonly queuePosition?: number;
}

/** What waiting for a request needs from its caller. */
export interface FalWaitHooks {
  readonly onProgress?: (progress: FalQueueProgress) => void;
  readonly signal?: AbortSignal;
  /** When to poll the status; default: every 500 ms, the client's own default. */
  readonly schedule?: PollSchedule;
  /**
   * Called once fal reports the request COMPLETED, before its result is fetched: it no longer takes one of fal's
   * concurrent runs, so the caller can let the next request go out while this result comes back.
   */
  readonly onLeftFal?: () => void;
  /**
   * The request's deadline (epoch ms, `now`'s clock) and how long it had from its submit: not COMPLETED by then,
   * the wait ends with a FalDeadlineError (the caller cancels it at fal). A COMPLETED status is taken even late.
   */
  readonly deadline?: { readonly at: number; readonly totalMs: number };
  readonly now?: () => number;
}

/**
 * Waits for a submitted request (also after a restart) and fetches its result: never submits again. A status poll
 * that gets no answer in time (its call timeout) is a missed poll, not a failure: the next one goes out, and the
 * deadline bounds them all.
 */
export async function waitForResult(client: FalClient, requestId: string, hooks: FalWaitHooks): Promise<SmartResizeResultBody> {
  await pollUntilCompleted(client, requestId, hooks);
  hooks.onLeftFal?.();
  const result = await untilAborted(client.queue.result(SMART_RESIZE_ENDPOINT, { requestId, abortSignal: hooks.signal }), hooks.signal);
  return result.data as SmartResizeResultBody;
}

/**
 * Polls the request's status as the client's own subscribeToStatus does (first poll at once, the next one a delay
 * after each answer), but with the delay from the schedule, which polls faster where the request may finish.
 */
async function pollUntilCompleted(client: FalClient, requestId: string, hooks: FalWaitHooks): Promise<void> {
  const schedule = hooks.schedule ?? steadyPolls(DEFAULT_POLL_MS);
  const now = hooks.now ?? Date.now;
  const startedAt = performance.now();
  let lastStatus: FalQueueProgress['status'] | undefined;
  for (;;) {
    const untilDeadline = hooks.deadline ? hooks.deadline.at - now() : Infinity;
    const status = await pollOnce(client, requestId, hooks.signal, untilDeadline);
    const elapsedMs = performance.now() - startedAt;
    if (status) {
      lastStatus = status.status;
      hooks.onProgress?.({ status: status.status, queuePosition: status.status === 'IN_QUEUE' ? status.queue_position : undefined });
      if (status.status === 'COMPLETED') {
        schedule.completed(elapsedMs);
        return;
      }
    }
    const left = hooks.deadline ? hooks.deadline.at - now() : Infinity;
    if (hooks.deadline && left <= 0) throw new FalDeadlineError(requestId, hooks.deadline.totalMs, lastStatus);
    await delay(Math.min(schedule.nextDelay(elapsedMs), left), undefined, { signal: hooks.signal });
  }
}

type StatusAnswer = Awaited<ReturnType<FalClient['queue']['status']>>;

/** The least time a status poll is waited for, however close the deadline. */
const LAST_POLL_MS = 2_000;

/**
 * One status poll, or undefined when it got no answer before its call timeout or the deadline (the client may be
 * sleeping between its own retries of it; we stop waiting there too). A stop of the job's signal still throws.
 */
async function pollOnce(client: FalClient, requestId: string, signal: AbortSignal | undefined, untilDeadlineMs: number): Promise<StatusAnswer | undefined> {
  // Even past the deadline one poll gets its chance: a request resumed late may well be COMPLETED.
  const bound = Number.isFinite(untilDeadlineMs) ? AbortSignal.timeout(Math.max(LAST_POLL_MS, untilDeadlineMs)) : undefined;
  const waitSignal = bound && signal ? AbortSignal.any([signal, bound]) : (bound ?? signal);
  try {
    return await untilAborted(client.queue.status(SMART_RESIZE_ENDPOINT, { requestId, logs: false, abortSignal: signal }), waitSignal);
  } catch (error) {
    if (signal?.aborted) throw error;
    if (isFalCallTimeout(error) || bound?.aborted) return undefined;
    throw error;
  }
}

/**
 * Settles with `promise`, or rejects with an AbortError as soon as `signal` aborts. The client checks its signal
 * only when it sends a call, not while it sleeps between its own retries (up to 16 s for status polls), so a job
 * stopped for going offline, a shutdown or a cancel would otherwise hang on until that sleep ends.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  // Abandoned, it still fails later (its next call sees the aborted signal): that must not go unhandled.
  promise.catch(() => undefined);
  const aborted = () => abortError('Stopped waiting for fal.');
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Asks fal to cancel a request (an aborted wait alone leaves it running and billed). Errors are the caller's. */
export async function cancelRequest(client: FalClient, requestId: string): Promise<void> {
  await client.queue.cancel(SMART_RESIZE_ENDPOINT, { requestId });
}
