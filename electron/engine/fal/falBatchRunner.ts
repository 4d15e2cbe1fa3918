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

/** Submits one smart-resize request, persists its id through the hook, waits for it and returns the result. */
export async function submitAndWait(client: FalClient, input: SmartResizeInput, hooks: FalBatchHooks): Promise<SmartResizeResultBody> {
  const submitted = await client.queue.submit(SMART_RESIZE_ENDPOINT, { input: input as never, abortSignal: hooks.signal });
  hooks.onRequestId(submitted.request_id);
  return waitForResult(client, submitted.request_id, hooks);
}

/** Waits for an already submitted request (also after a restart) and fetches its result: never submits again. */
export async function waitForResult(
  client: FalClient,
  requestId: string,
  hooks: Omit<FalBatchHooks, 'onRequestId'>,
): Promise<SmartResizeResultBody> {
  await client.queue.subscribeToStatus(SMART_RESIZE_ENDPOINT, {
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
  const result = await client.queue.result(SMART_RESIZE_ENDPOINT, { requestId, abortSignal: hooks.signal });
  return result.data as SmartResizeResultBody;
}

/** Asks fal to cancel a request (an aborted wait alone leaves it running and billed). Errors are the caller's. */
export async function cancelRequest(client: FalClient, requestId: string): Promise<void> {
  await client.queue.cancel(SMART_RESIZE_ENDPOINT, { requestId });
}
