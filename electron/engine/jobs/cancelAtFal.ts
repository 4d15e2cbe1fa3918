import { ApiError, type FalClient } from '@fal-ai/client';
import { cancelRequest, type FalQueueProgress } from '../fal/falBatchRunner';
import { SMART_RESIZE_ENDPOINT } from '../fal/falClient';
import type { SmartResizeResultBody } from '../fal/smartResizeResult';
import type { SpendHooks } from './jobRunnerTypes';
import type { JobRecord } from '../store';

/**
 * Cancels a request at fal (a user's cancel, or a request past its deadline) and books what fal may bill for it, so
 * a cancel never hides money: a request still waiting in fal's queue is dropped free; one fal was running may be
 * billed for its GPU time (recorded apart, as for a 422); one fal had already finished (it answers
 * ALREADY_COMPLETED) was billed in full, so its result is fetched, priced like any other and returned (the deadline
 * path uses it; a user's cancel writes no outputs).
 * fal's cancel answer does not say whether the request had started; `lastSeen`, the job's last status poll, does.
 * The cancel goes out first, without a status call before it: every moment fal runs on may be billed.
 */
export async function cancelAtFal(
  client: FalClient,
  job: JobRecord,
  requestId: string,
  spend: SpendHooks | undefined,
  lastSeen?: FalQueueProgress['status'],
): Promise<SmartResizeResultBody | undefined> {
  try {
    await cancelRequest(client, requestId);
  } catch (error) {
    if (!isAlreadyCompleted(error)) throw error;
    return bookFinishedRequest(client, job, requestId, spend);
  }
  // Never polled (unknown) is booked as running: a possible charge is shown rather than hidden.
  if (lastSeen !== 'IN_QUEUE') await spend?.mayBeBilled(job, requestId);
  return undefined;
}

/** fal finished the request before the cancel reached it: price its result, or book a refusal as may-be-billed. */
async function bookFinishedRequest(client: FalClient, job: JobRecord, requestId: string, spend: SpendHooks | undefined): Promise<SmartResizeResultBody | undefined> {
  try {
    const result = await client.queue.result(SMART_RESIZE_ENDPOINT, { requestId });
    const body = result.data as SmartResizeResultBody;
    await spend?.charged(job, requestId, body.results ?? []);
    return body;
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) await spend?.mayBeBilled(job, requestId);
    else throw error;
    return undefined;
  }
}

function isAlreadyCompleted(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const body = error.body as { status?: unknown } | undefined;
  return body?.status === 'ALREADY_COMPLETED';
}
