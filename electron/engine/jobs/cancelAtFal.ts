import { ApiError, type FalClient } from '@fal-ai/client';
import { cancelRequest, type FalQueueProgress } from '../fal/falBatchRunner';
import { SMART_RESIZE_ENDPOINT } from '../fal/falClient';
import type { SmartResizeResultBody } from '../fal/smartResizeResult';
import type { SpendHooks } from './jobRunnerTypes';
import type { JobRecord } from '../store';

/**
 * Cancels one of a cancelled job's requests at fal and books what fal may bill for it, so a cancel never hides
 * money: a request still waiting in fal's queue is dropped free; one fal was running may be billed for its GPU time
 * (recorded apart, as for a 422); one fal had already finished (it answers ALREADY_COMPLETED) was billed in full,
 * so its result is fetched and priced like any other. Its outputs are not written: the user cancelled the job.
 * fal's cancel answer does not say whether the request had started; `lastSeen`, the job's last status poll, does.
 * The cancel goes out first, without a status call before it: every moment fal runs on may be billed.
 */
export async function cancelAtFal(
  client: FalClient,
  job: JobRecord,
  requestId: string,
  spend: SpendHooks | undefined,
  lastSeen?: FalQueueProgress['status'],
): Promise<void> {
  try {
    await cancelRequest(client, requestId);
  } catch (error) {
    if (!isAlreadyCompleted(error)) throw error;
    await bookFinishedRequest(client, job, requestId, spend);
    return;
  }
  // Never polled (unknown) is booked as running: a possible charge is shown rather than hidden.
  if (lastSeen !== 'IN_QUEUE') spend?.mayBeBilled(job, requestId);
}

/** fal finished the request before the cancel reached it: price its result, or book a refusal as may-be-billed. */
async function bookFinishedRequest(client: FalClient, job: JobRecord, requestId: string, spend: SpendHooks | undefined): Promise<void> {
  try {
    const result = await client.queue.result(SMART_RESIZE_ENDPOINT, { requestId });
    spend?.charged(job, requestId, (result.data as SmartResizeResultBody).results ?? []);
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) spend?.mayBeBilled(job, requestId);
    else throw error;
  }
}

function isAlreadyCompleted(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const body = error.body as { status?: unknown } | undefined;
  return body?.status === 'ALREADY_COMPLETED';
}
