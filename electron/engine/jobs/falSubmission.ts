import { ApiError } from '@fal-ai/client';
import { setTimeout as delay } from 'node:timers/promises';
import { untilAborted } from '../fal/falBatchRunner';
import type { SmartResizeFalClient } from '../fal/falClient';
import { isSubmitAnswerLost } from '../fal/falSubmit';
import type { SmartResizeInput } from '../fal/smartResizeInput';
import { STORE_EVENT_KINDS, type FalSubmitRecord, type JobRecord, type JobRequestRecord } from '../store';
import { cancelAtFal } from './cancelAtFal';
import type { JobRunnerDeps, LostSubmitTiming } from './jobRunnerTypes';

/** Production timing of the look-up for a lost submit's request: about four minutes at most with no history. */
const LOST_SUBMIT_TIMING: LostSubmitTiming = { defaultRunMs: 120_000, marginMs: 120_000, lookupEveryMs: 5_000 };

/** One batch's submission. */
export interface SubmissionContext {
  readonly deps: JobRunnerDeps;
  readonly job: JobRecord;
  readonly client: SmartResizeFalClient;
  readonly batchIndex: number;
  readonly sizes: readonly string[];
  readonly signal: AbortSignal;
}

/**
 * The request of a submit this batch sent in an earlier run whose answer was never stored (the app was killed, or
 * the answer was lost): found in fal's request history and adopted, or undefined when there is no such submit or
 * fal has no such request after a reasonable wait (then the batch is submitted again).
 */
export async function recoverOpenSubmit(context: SubmissionContext): Promise<JobRequestRecord | undefined> {
  const open = await context.deps.store.submits.openSubmit(context.job.id, context.batchIndex);
  return open ? findLostRequest(context, open) : undefined;
}

/**
 * Sends one submit, recorded with its upload URL before it goes out, and returns the request it created (its id
 * persisted the moment fal answers). A lost answer is never answered by a blind second submit: the request is looked
 * up first, and undefined comes back only when fal has none (the caller then submits again with a new upload).
 * fal's refusals and unreachable connections throw as they are (nothing was created). `sending`: the submit's row,
 * when the caller recorded it already (in its admission's transaction).
 */
export async function submitRecorded(
  context: SubmissionContext,
  input: SmartResizeInput,
  mayBillCents: number,
  sending?: FalSubmitRecord,
): Promise<JobRequestRecord | undefined> {
  const { deps, job, client, batchIndex, sizes } = context;
  const submit = sending ?? (await deps.store.submits.recordSubmitSending(sendingSubmit(context, input, mayBillCents)));
  let requestId: string;
  try {
    requestId = await client.direct.submit(input);
  } catch (error) {
    if (!isSubmitAnswerLost(error)) {
      await deps.store.submits.resolveSubmit(submit.id, 'refused');
      throw error;
    }
    await note(deps, job, "The answer to the fal submit was lost: looking for the request in fal's request history before sending it again.");
    return findLostRequest(context, submit);
  }
  const recorded = await deps.store.requests.recordRequestId(job.id, batchIndex, requestId, sizes, { id: submit.id, how: 'answered' });
  // Cancelled while the submit was in flight: fal must be told, or it runs (and bills) anyway.
  if (recorded.cancelNeeded) void cancelAtFal(client, job, requestId, deps.spend).catch(() => undefined);
  return recorded.request;
}

/** The submit row recorded before `input` goes out (`recorded` in {@link submitRecorded} when made by the caller). */
export function sendingSubmit(context: SubmissionContext, input: SmartResizeInput, mayBillCents: number) {
  return { jobId: context.job.id, batchIndex: context.batchIndex, imageUrl: input.image_url, sizes: context.sizes, mayBillCents };
}

/**
 * Looks the submit's request up by its upload URL until found, or until its expected run time plus a margin have
 * passed since it was sent (fal may list a request only once it has ended). fal refusing the look-up itself leaves
 * the question open: the submit is then marked `unverified` (still shown as may-be-billed) rather than `absent`.
 * A network failure throws (the job waits for the network; the submit stays open for its next run).
 */
async function findLostRequest(context: SubmissionContext, submit: FalSubmitRecord): Promise<JobRequestRecord | undefined> {
  const { deps, job, client, signal } = context;
  const timing = { ...LOST_SUBMIT_TIMING, ...deps.lostSubmit };
  const expectedMs = deps.falRunTimes?.slowestMs(submit.sizes.length) ?? timing.defaultRunMs;
  const giveUpAt = submit.sentAt + expectedMs + timing.marginMs;
  let unreadable: string | undefined;
  for (;;) {
    try {
      const found = await untilAborted(client.direct.findSubmitted({ imageUrl: submit.imageUrl, targetSizes: submit.sizes, sentAt: submit.sentAt }), signal);
      if (found) return adopt(context, submit, found.requestId);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      unreadable ??= `fal refused the request-history look-up (HTTP ${error.status})`;
    }
    const left = giveUpAt - deps.now();
    if (left <= 0) {
      await deps.store.submits.resolveSubmit(submit.id, unreadable ? 'unverified' : 'absent');
      await note(deps, job, unreadable
        ? `${unreadable}: sending the request again; the first one may still be billed.`
        : 'fal has no request for the lost submit: sending it again.');
      return undefined;
    }
    await delay(Math.min(timing.lookupEveryMs, left), undefined, { signal });
  }
}

async function adopt(context: SubmissionContext, submit: FalSubmitRecord, requestId: string): Promise<JobRequestRecord> {
  const { deps, job, client } = context;
  const recorded = await deps.store.requests.recordRequestId(job.id, submit.batchIndex, requestId, submit.sizes, { id: submit.id, how: 'adopted' });
  await note(deps, job, `Found fal request ${requestId} in fal's request history: using it instead of paying for another.`);
  if (recorded.cancelNeeded) void cancelAtFal(client, job, requestId, deps.spend).catch(() => undefined);
  return recorded.request;
}

async function note(deps: JobRunnerDeps, job: JobRecord, message: string): Promise<void> {
  const state = (await deps.store.jobs.getJob(job.id))?.state ?? job.state;
  await deps.store.events.append(STORE_EVENT_KINDS.jobNote, job.id, { message, state });
}
