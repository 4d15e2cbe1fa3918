import type { FalClient } from '@fal-ai/client';
import { abortError } from '../async/abortError';
import { DEFAULT_POLL_MS, submitAndWait, untilAborted, waitForResult } from '../fal/falBatchRunner';
import { steadyPolls } from '../fal/falRunTimes';
import { fetchOutputs } from '../fal/fetchOutputs';
import type { UploadImage } from '../fal/prepareUpload';
import { buildSmartResizeInput } from '../fal/smartResizeInput';
import { outputRefsFromResult, type SmartResizeResultBody } from '../fal/smartResizeResult';
import { DEFAULT_QUALITY } from '../local';
import type { OutputPlacement } from '../pipeline/writeRenderedOutputs';
import { estimateRequest } from '../pricing';
import type { Profile } from '../profiles';
import { formatTargetSize, type TargetSize } from '../../domain/sizes/targetSize';
import type { JobRecord } from '../store';
import { cancelAtFal } from './cancelAtFal';
import { writeAndRecordOutputs } from './jobOutputs';
import type { JobOutcome, JobRunnerDeps } from './jobRunnerTypes';

/** One fal request of a job: resumed by its id, or to be submitted. */
export interface FalBatchPlan {
  readonly batchIndex: number;
  readonly targets: TargetSize[];
  readonly requestId?: string;
}

interface FalPartContext {
  readonly deps: JobRunnerDeps;
  readonly job: JobRecord;
  readonly profile: Profile;
  readonly placement: OutputPlacement;
  readonly plans: readonly FalBatchPlan[];
  readonly client: FalClient;
  /** The source encoded for upload; absent on a pure resume, where nothing new is uploaded. */
  readonly upload?: UploadImage;
  readonly signal: AbortSignal;
  /** The request being waited on, so a failure can be pinned on it. */
  readonly tracker: { requestId?: string };
  readonly report: (extra?: { falStatus?: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED'; queuePosition?: number }) => void;
}

/**
 * Runs the job's fal requests one after another: new ones are budget-checked, uploaded once and submitted with
 * their id persisted the moment fal answers; then each result is downloaded at once, verified and written.
 * Returns a `held` outcome when the budget refuses a new request, else undefined when all are written.
 */
export async function runFalBatches(context: FalPartContext): Promise<JobOutcome | undefined> {
  const { deps, job, profile, client, signal } = context;
  const { store } = deps;
  let imageUrl: string | undefined;
  for (const plan of context.plans) {
    let body: SmartResizeResultBody;
    const pollMs = deps.pollIntervalMs ?? DEFAULT_POLL_MS;
    const hooks = {
      signal,
      onProgress: (progress: { status: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED'; queuePosition?: number }) =>
        context.report({ falStatus: progress.status, queuePosition: progress.queuePosition }),
    };
    if (plan.requestId) {
      const requestId = plan.requestId;
      context.tracker.requestId = requestId;
      body = await withFalSlot(deps, signal, (onLeftFal) => waitForResult(client, requestId, { ...hooks, onLeftFal, schedule: steadyPolls(pollMs) }));
    } else {
      const { maxCents } = estimateRequest(plan.targets, profile.fal);
      const admission = deps.budget.admit(job, maxCents, plan.batchIndex);
      if (!admission.ok) {
        store.jobs.transition(job.id, 'waiting_budget', { reason: admission.reason });
        return { kind: 'held', reason: admission.reason };
      }
      if (!context.upload) throw new Error('the source image is needed to submit a new fal request');
      moveTo(deps, job.id, 'uploading');
      imageUrl ??= await untilAborted(uploadToFalStorage(client, context.upload), signal);
      const input = buildSmartResizeInput(imageUrl, plan.targets, profile.fal, profile.output.format);
      body = await withFalSlot(deps, signal, (onLeftFal) => submitAndWait(client, input, {
        ...hooks,
        onLeftFal,
        schedule: deps.falRunTimes?.scheduleFor(plan.targets.length, pollMs) ?? steadyPolls(pollMs),
        onRequestId: (requestId) => {
          context.tracker.requestId = requestId;
          const recorded = store.requests.recordRequestId(job.id, plan.batchIndex, requestId, plan.targets.map(formatTargetSize));
          // Cancelled while the submit was in flight: fal must be told, or it runs (and bills) anyway.
          if (recorded.cancelNeeded) void cancelAtFal(client, job, requestId, deps.spend).catch(() => undefined);
        },
      }));
    }
    // fal billed the request once its result exists: price it before anything here can fail.
    const pricedId = context.tracker.requestId ?? plan.requestId;
    if (pricedId) deps.spend?.charged(job, pricedId, body.results ?? []);
    moveTo(deps, job.id, 'downloading');
    const refs = outputRefsFromResult(body, plan.targets, profile.fal.numImagesPerSize);
    const fetched = await fetchOutputs(refs, profile.output.format, profile.output.quality ?? DEFAULT_QUALITY, deps.fetch, signal);
    moveTo(deps, job.id, 'writing');
    const finishedId = context.tracker.requestId ?? plan.requestId ?? '';
    // The request is complete in the same commit that records its outputs.
    await writeAndRecordOutputs(store, job.id, context.placement, fetched, 'fal', () => store.requests.finishRequest(finishedId, 'completed'));
    context.tracker.requestId = undefined;
    context.report();
    // A further batch waits on fal again; `submitted` is where a job that has a live request rests.
    if (plan !== context.plans.at(-1)) moveTo(deps, job.id, 'submitted');
  }
  return undefined;
}

/**
 * Runs one request's time at fal (submit or resume, poll until COMPLETED) inside a fal slot, so the requests at fal
 * never exceed the concurrency setting while other jobs prepare, upload, download and write outside the slots.
 * `atFal` gets the release to call when fal reports the request complete: the next request then goes out while this
 * result is fetched. Whatever happens, the slot is given back when `atFal` settles (release is idempotent).
 */
async function withFalSlot<T>(deps: JobRunnerDeps, signal: AbortSignal, atFal: (release: () => void) => Promise<T>): Promise<T> {
  const release = deps.falSlots ? await deps.falSlots.acquire(signal) : () => undefined;
  try {
    return await atFal(release);
  } finally {
    release();
  }
}

function uploadToFalStorage(client: FalClient, upload: UploadImage): Promise<string> {
  return client.storage.upload(new File([new Uint8Array(upload.bytes)], upload.fileName, { type: upload.contentType }));
}

/** Moves the job on when the state machine allows it from where it is; a later batch may already be past it. */
function moveTo(deps: JobRunnerDeps, jobId: string, state: 'uploading' | 'downloading' | 'writing' | 'submitted'): void {
  const job = deps.store.jobs.getJob(jobId);
  if (!job || job.state === state) return;
  try {
    deps.store.jobs.transition(jobId, state);
  } catch (error) {
    // Only a cancel (job now cancelled) may legitimately refuse: stop the run there.
    if (deps.store.jobs.getJob(jobId)?.state === 'cancelled') throw abortError('cancelled');
    if (state !== 'uploading') throw error;
  }
}
