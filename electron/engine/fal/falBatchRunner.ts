import type { FalClient } from '@fal-ai/client';
import { SMART_RESIZE_ENDPOINT } from './falClient';
import type { SmartResizeInput } from './smartResizeInput';
import type { SmartResizeResultBody } from './smartResizeResult';

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
  /** Status poll interval; the client's default is 500 ms. */
  readonly pollIntervalMs?: number;
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
  const statusDone = client.queue.subscribeToStatus(SMART_RESIZE_ENDPOINT, {
    requestId,
    mode: 'polling',
    pollInterval: hooks.pollIntervalMs ?? 500,
    abortSignal: hooks.signal,
    onQueueUpdate: (status) => {
      hooks.onProgress?.({
        status: status.status,
        queuePosition: status.status === 'IN_QUEUE' ? status.queue_position : undefined,
      });
    },
  });
  await untilAborted(statusDone, hooks.signal);
  const result = await untilAborted(client.queue.result(SMART_RESIZE_ENDPOINT, { requestId, abortSignal: hooks.signal }), hooks.signal);
  return result.data as SmartResizeResultBody;
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
  const aborted = () => Object.assign(new Error('Stopped waiting for fal.'), { name: 'AbortError' });
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
