import type { FalClient } from '@fal-ai/client';
import { setTimeout as delay } from 'node:timers/promises';
import { abortError } from '../async/abortError';
import { SMART_RESIZE_ENDPOINT } from './falClient';
import { steadyPolls, type PollSchedule } from './falRunTimes';
import type { SmartResizeInput } from './smartResizeInput';
import type { SmartResizeResultBody } from './smartResizeResult';

/** The client's own status poll interval. */
export const DEFAULT_POLL_MS = 500;

/** Progress of a request on fal, for the queue view. */
export interface FalQueueProgress {
  readonly status: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED';
  readonly queuePosition?: number;
}

/** What a batch run needs from its caller. */
export interface FalBatchHooks {
  /**
   * Called the moment fal answers the submit, before any waiting: the caller persists the request id here
   * (synchronously, durably), so a crash after this point resumes the request instead of paying for another.
   */
  readonly onRequestId: (requestId: string) => void;
  readonly onProgress?: (progress: FalQueueProgress) => void;
  readonly signal?: AbortSignal;
  /** When to poll the status; default: every 500 ms, the client's own default. */
  readonly schedule?: PollSchedule;
  /**
   * Called once fal reports the request COMPLETED, before its result is fetched: it no longer takes one of fal's
   * concurrent runs, so the caller can let the next request go out while this result comes back.
   */
  readonly onLeftFal?: () => void;
}

/**
 * Submits one smart-resize request, persists its id through the hook, waits for it and returns the result. The
 * submit itself is not aborted: cutting it off could lose the id of a request fal already took (and bills), so a
 * stop takes effect once the id is persisted.
 */
export async function submitAndWait(client: FalClient, input: SmartResizeInput, hooks: FalBatchHooks): Promise<SmartResizeResultBody> {
  const submitted = await client.queue.submit(SMART_RESIZE_ENDPOINT, { input: input as never });
  hooks.onRequestId(submitted.request_id);
  return waitForResult(client, submitted.request_id, hooks);
}

/** Waits for an already submitted request (also after a restart) and fetches its result: never submits again. */
export async function waitForResult(
  client: FalClient,
  requestId: string,
  hooks: Omit<FalBatchHooks, 'onRequestId'>,
): Promise<SmartResizeResultBody> {
  await pollUntilCompleted(client, requestId, hooks);
  hooks.onLeftFal?.();
  const result = await untilAborted(client.queue.result(SMART_RESIZE_ENDPOINT, { requestId, abortSignal: hooks.signal }), hooks.signal);
  return result.data as SmartResizeResultBody;
}

/**
 * Polls the request's status as the client's own subscribeToStatus does (first poll at once, the next one a delay
 * after each answer), but with the delay from the schedule, which polls faster where the request may finish.
 */
async function pollUntilCompleted(client: FalClient, requestId: string, hooks: Omit<FalBatchHooks, 'onRequestId'>): Promise<void> {
  const schedule = hooks.schedule ?? steadyPolls(DEFAULT_POLL_MS);
  const startedAt = performance.now();
  for (;;) {
    const status = await untilAborted(client.queue.status(SMART_RESIZE_ENDPOINT, { requestId, logs: false, abortSignal: hooks.signal }), hooks.signal);
    hooks.onProgress?.({ status: status.status, queuePosition: status.status === 'IN_QUEUE' ? status.queue_position : undefined });
    const elapsedMs = performance.now() - startedAt;
    if (status.status === 'COMPLETED') {
      schedule.completed(elapsedMs);
      return;
    }
    await delay(schedule.nextDelay(elapsedMs), undefined, { signal: hooks.signal });
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
