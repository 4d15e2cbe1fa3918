import { abortError } from '../async/abortError';
import { DEFAULT_POLL_MS, untilAborted, waitForResult, type FalQueueProgress } from '../fal/falBatchRunner';
import type { SmartResizeFalClient } from '../fal/falClient';
import { isFalDeadline, type FalDeadlineError } from '../fal/falDeadline';
import { steadyPolls } from '../fal/falRunTimes';
import { type FetchedOutput, fetchOutputs } from '../fal/fetchOutputs';
import { cropToTarget, type SourceMarksOnCanvas } from '../composition/cropToTarget';
import { marksOfSource } from '../composition/marks';
import { keepBoxesInOutput, safeInsetsFor } from '../preflight';
import type { UploadImage } from '../fal/prepareUpload';
import { buildSmartResizeInput, type SmartResizeInput } from '../fal/smartResizeInput';
import { outputRefsFromResult, type SmartResizeResultBody } from '../fal/smartResizeResult';
import { DEFAULT_QUALITY } from '../local';
import type { OutputPlacement } from '../output/writeRenderedOutputs';
import { estimateRequest, quoteRequests, quoteSizes } from '../pricing';
import type { Profile } from '../profiles';
import { formatTargetSize, type TargetSize } from '../../domain/sizes/targetSize';
import { STORE_EVENT_KINDS, type FalSubmitRecord, type JobRecord, type JobRequestRecord, type NewFalSubmit } from '../store';
import { type FinishContext, type FinishedImages, type PixelImage, finishImages, profileFinishContext, sourceRights, sourceSize } from '../output/finishImages';
import { falRequestSizes } from './falCanvases';
import { cancelAtFal } from './cancelAtFal';
import { recoverOpenSubmit, sendingSubmit, submitRecorded, type SubmissionContext } from './falSubmission';
import { cpuStep } from './cpuStep';
import { writeAndRecordOutputs } from './jobOutputs';
import { keepVariants } from './keepVariants';
import { keepApprovedAfterPreviews, keepPreviews } from '../review/placeVersion';
import { splitVariants } from '../output/falVariants';
import type { JobOutcome, JobRunnerDeps } from './jobRunnerTypes';

/** fal's files are an intermediate: asked for lossless, then encoded here to each placement's spec. */
const FAL_OUTPUT_FORMAT = 'png';

/** One fal request of a job: resumed by its id, or to be submitted. */
export interface FalBatchPlan {
  readonly batchIndex: number;
  readonly targets: TargetSize[];
  readonly requestId?: string;
}

/** What running a job's fal requests needs (a job's run, or one size of a finished job re-run at fal). */
export interface FalPartContext {
  readonly deps: JobRunnerDeps;
  readonly job: JobRecord;
  readonly profile: Profile;
  readonly placement: OutputPlacement;
  readonly plans: readonly FalBatchPlan[];
  readonly client: SmartResizeFalClient;
  /** The source encoded for upload; absent on a pure resume, where nothing new is uploaded. */
  readonly upload?: UploadImage;
  readonly signal: AbortSignal;
  /** The request being waited on, so a failure can be pinned on it. */
  readonly tracker: { requestId?: string };
  readonly report: (extra?: { falStatus?: FalQueueProgress['status']; queuePosition?: number }) => Promise<void>;
  /** One size of a finished job made again (review/rerunAtFal): the job's state is left as it is, a refusal only answered. */
  readonly rerun?: boolean;
}

/** The longest a request may run at fal when the settings say nothing (the setting's default). */
const DEFAULT_FAL_DEADLINE_MS = 10 * 60_000;

/**
 * Runs the job's fal requests one after another: new ones are budget-checked, uploaded once and submitted with
 * their id persisted the moment fal answers; then each result is downloaded at once, verified and written.
 * Returns a `held` outcome when the budget refuses a new request, else undefined when all are written.
 */
export async function runFalBatches(context: FalPartContext): Promise<JobOutcome | undefined> {
  const { deps, job, profile } = context;
  const { store } = deps;
  const uploads = uploadOnce(context);
  for (const plan of context.plans) {
    const got = await requestAndWait(context, plan, uploads);
    if (got.kind === 'held') return got;
    const { body, requestId } = got;
    // fal billed the request once its result exists: price it before anything here can fail.
    await deps.spend?.charged(job, requestId, body.results ?? []);
    await moveTo(deps, job.id, 'downloading');
    const finished = await fetchAndFinish(context, plan, body);
    if (finished.notes.length > 0) await store.events.append(STORE_EVENT_KINDS.jobNote, job.id, { message: finished.notes.join('; '), state: 'downloading' });
    await moveTo(deps, job.id, 'writing');
    // Several images of a size (all paid for): all kept as variants first, the chosen one (A) at the template path.
    const { deliverables, variants } = splitVariants(finished.images, profile.fal.variants);
    if (variants.length > 0) await keepVariants(store, deps.dataDir, job.id, context.placement, variants, profile.fal.variants, { variantSet: plan.batchIndex, chooseFirst: true });
    // A review-first preview these replace is kept as a version first (restorable), and the fal output after it.
    const replacing = deliverables.map((image) => ({ target: formatTargetSize(image.target), imageIndex: (image.imageIndex ?? 1) - 1 }));
    await keepPreviews(deps, job.id, replacing);
    // The request is complete in the same commit that records its outputs.
    await writeAndRecordOutputs(store, job.id, context.placement, deliverables, 'fal', (tx) => tx.requests.finishRequest(requestId, 'completed'));
    await keepApprovedAfterPreviews(deps, job.id, replacing);
    context.tracker.requestId = undefined;
    await context.report();
    // A further batch waits on fal again; `submitted` is where a job that has a live request rests.
    if (plan !== context.plans.at(-1)) await moveTo(deps, job.id, 'submitted');
  }
  return undefined;
}

/**
 * Downloads a request's outputs at once and finishes them to each placement's spec (preflighted), on the CPU lane
 * like any encode but behind the steps that prepare jobs for fal (its slots must not idle meanwhile); a far-aspect
 * target is first cut from the canvas fal made for it, around the subject. Pixels of the files to write, and notes.
 */
export async function fetchAndFinish(context: FalPartContext, plan: FalBatchPlan, body: SmartResizeResultBody): Promise<FinishedImages<FalPixels>> {
  const { deps, job, profile, signal } = context;
  const refs = outputRefsFromResult(body, plan.targets, profile.fal.numImagesPerSize, falRequestSizes(plan.targets, profile.fal));
  const fetched = await fetchOutputs(refs, FAL_OUTPUT_FORMAT, profile.output.quality ?? DEFAULT_QUALITY, deps.fetch, signal);
  return cpuStep(deps, signal, async () => {
    const about = { rights: await sourceRights(job.sourcePath), source: await sourceSize(job.sourcePath), aiComposited: true };
    const finishing = profileFinishContext(profile, about);
    // A size cut here from fal's canvas honours the focal point and keep boxes as the local sizes do.
    const marks = fetched.some((output) => output.canvas) && about.source ? await canvasMarks(deps, job, about.source) : undefined;
    const pixels = await Promise.all(fetched.map((output) => canvasCut(output, finishing, deps, marks)));
    const done = await finishImages(pixels, finishing);
    return { ...done, notes: [...canvasNotes(fetched), ...done.notes] };
  }, 'finish');
}

/** One of fal's outputs as pixels to finish, with its image number and the tier fal reported. */
type FalPixels = PixelImage & Pick<FetchedOutput, 'imageIndex' | 'imageCount' | 'tier'>;

type Waited = { readonly kind: 'result'; readonly body: SmartResizeResultBody; readonly requestId: string } | Extract<JobOutcome, { kind: 'held' }>;

/**
 * Gets the batch's request (resumed by id, found again after a lost submit answer, or submitted) and waits for its
 * result inside a fal slot, until its deadline. A new request's budget check and upload happen before the slot, so
 * they overlap other jobs' waits on fal.
 */
export async function requestAndWait(context: FalPartContext, plan: FalBatchPlan, uploads: UploadOnce): Promise<Waited> {
  const { deps, job, client, signal } = context;
  const sizes = plan.targets.map(formatTargetSize);
  const submission: SubmissionContext = { deps, job, client, batchIndex: plan.batchIndex, sizes, signal };
  let request = plan.requestId ? await deps.store.requests.findByRequestId(plan.requestId) : undefined;
  const hasOpenSubmit = !request && (await deps.store.submits.openSubmit(job.id, plan.batchIndex)) !== undefined;
  let input: SmartResizeInput | undefined;
  if (!request && !hasOpenSubmit && !context.rerun) {
    const held = await admit(context, plan);
    if (held) return held;
    await moveTo(deps, job.id, 'uploading');
    input = buildInput(context, plan, await uploads.url());
  }
  // A re-run uploads first: it is admitted inside the slot, in the transaction that records its submit.
  if (!request && !hasOpenSubmit && context.rerun) input = buildInput(context, plan, await uploads.url());
  if (hasOpenSubmit && !context.rerun) await moveTo(deps, job.id, 'uploading');
  return withFalSlot(deps, signal, async (onLeftFal): Promise<Waited> => {
    let submittedNow = false;
    request ??= await recoverOpenSubmit(submission);
    const mayBillCents = estimateRequest(falRequestSizes(plan.targets, context.profile.fal), context.profile.fal).minCents;
    while (!request) {
      let sending: FalSubmitRecord | undefined;
      if (context.rerun) {
        input ??= buildInput(context, plan, await uploads.url());
        const admitted = await admitWithSubmit(context, plan, sendingSubmit(submission, input, mayBillCents));
        if (admitted.kind === 'held') return admitted;
        sending = admitted.submit;
      } else if (!input) {
        const held = await admit(context, plan);
        if (held) return held;
        input = buildInput(context, plan, await uploads.url());
      }
      request = await submitRecorded(submission, input, mayBillCents, sending);
      submittedNow = request !== undefined;
      // fal has no request for a lost submit: the next one carries a new upload URL, so the two are never confused.
      if (!request) uploads.discard();
      input = undefined;
    }
    context.tracker.requestId = request.requestId;
    return { kind: 'result', body: await waitWithDeadline(context, plan, request, submittedNow, onLeftFal), requestId: request.requestId };
  });
}

/** Waits for the request until its deadline; past it, cancels it at fal (see giveUpAtDeadline). */
async function waitWithDeadline(
  context: FalPartContext,
  plan: FalBatchPlan,
  request: JobRequestRecord,
  submittedNow: boolean,
  onLeftFal: () => void,
): Promise<SmartResizeResultBody> {
  const { deps, client, signal } = context;
  const pollMs = deps.pollIntervalMs ?? DEFAULT_POLL_MS;
  const ceilingMs = deps.falDeadlineCeilingMs?.() ?? DEFAULT_FAL_DEADLINE_MS;
  const deadlineMs = deps.falRunTimes?.deadlineMs(plan.targets.length, ceilingMs) ?? ceilingMs;
  try {
    return await waitForResult(client, request.requestId, {
      signal,
      onLeftFal,
      now: deps.now,
      deadline: { at: request.submittedAt + deadlineMs, totalMs: deadlineMs },
      // A request found again or resumed was not sent by this run: its time would teach the schedule nothing true.
      schedule: submittedNow ? (deps.falRunTimes?.scheduleFor(plan.targets.length, pollMs) ?? steadyPolls(pollMs)) : steadyPolls(pollMs),
      // A poll does not wait for its progress report; a report lost to a closing store is only a progress bar.
      onProgress: (progress) => void context.report({ falStatus: progress.status, queuePosition: progress.queuePosition }).catch(() => undefined),
    });
  } catch (error) {
    if (!isFalDeadline(error)) throw error;
    // The request no longer counts against the concurrency setting: the next job may go while fal is told.
    onLeftFal();
    return giveUpAtDeadline(context, error);
  }
}

/**
 * A request past its deadline is cancelled at fal and booked as cancels are (may be billed if it had started). If
 * fal finished it meanwhile, it was billed in full: its result is used. If the cancel cannot be sent, the request
 * stays live (the job's next run tries again) and is booked as may-be-billed now.
 */
async function giveUpAtDeadline(context: FalPartContext, error: FalDeadlineError): Promise<SmartResizeResultBody> {
  const { deps, job, client } = context;
  let finished: SmartResizeResultBody | undefined;
  try {
    finished = await cancelAtFal(client, job, error.requestId, deps.spend, error.lastStatus);
  } catch (cancelError) {
    await deps.spend?.mayBeBilled(job, error.requestId);
    throw cancelError;
  }
  if (finished) return finished;
  await deps.store.requests.finishRequest(error.requestId, 'cancelled');
  throw error;
}

/** The budget check of a new request: a refusal parks the job in `waiting_budget`. */
async function admit(context: FalPartContext, plan: FalBatchPlan): Promise<Extract<JobOutcome, { kind: 'held' }> | undefined> {
  const { deps, job, profile } = context;
  const admission = await deps.budget.admit(job, requestTopCents(plan, profile), plan.batchIndex);
  if (admission.ok) return undefined;
  // A finished job re-running one size stays finished: the refusal is the re-run's answer.
  if (!context.rerun) await deps.store.jobs.transition(job.id, 'waiting_budget', { reason: admission.reason });
  return { kind: 'held', reason: admission.reason };
}

/**
 * A finished job's re-run: admitted by the budget in the same transaction that records its submit as `sending`.
 * Its job is not running and its request not known yet, so only that submit row keeps a prune (another job's
 * claim, another instance's admission) from releasing the money before fal's answer.
 */
async function admitWithSubmit(context: FalPartContext, plan: FalBatchPlan, submit: NewFalSubmit): Promise<Extract<JobOutcome, { kind: 'held' }> | { kind: 'admitted'; submit: FalSubmitRecord }> {
  const { deps, job, profile } = context;
  let recorded: FalSubmitRecord | undefined;
  const admission = await deps.budget.admitRerun(job, requestTopCents(plan, profile), plan.batchIndex, async (tx) => {
    recorded = await tx.submits.recordSubmitSending(submit);
  });
  if (!admission.ok) return { kind: 'held', reason: admission.reason };
  return { kind: 'admitted', submit: recorded! };
}

/**
 * What a request is admitted (reserved) for: its quote's top, its images at 4K, as an answer naming no tier is
 * recorded (pricing/quoteSizes). The figure a drop's confirmation, a re-run's offer and the claim's reservation
 * (spend/estimateJob) hold to, so the reservation covers whatever the ledger then records.
 */
function requestTopCents(plan: FalBatchPlan, profile: Profile): number {
  return quoteRequests(quoteSizes(plan.targets, falRequestSizes(plan.targets, profile.fal), profile.fal)).maxCents;
}

function buildInput(context: FalPartContext, plan: FalBatchPlan, imageUrl: string): SmartResizeInput {
  return buildSmartResizeInput(imageUrl, falRequestSizes(plan.targets, context.profile.fal), context.profile.fal, FAL_OUTPUT_FORMAT);
}

/** A downloaded output as pixels to finish: fal's file as it is, or a far-aspect target cut from its canvas. */
async function canvasCut(output: FetchedOutput, context: FinishContext, deps: JobRunnerDeps, marks: SourceMarksOnCanvas | undefined): Promise<FalPixels> {
  const { bytes, corrected: _corrected, url: _url, canvas, ...ref } = output;
  if (!canvas) return { ...ref, encoded: bytes };
  const insets = safeInsetsFor(context.placementOf(ref.target), ref.target);
  const cut = await cropToTarget(bytes, ref.target, { detector: deps.detector, insets, marks });
  return { ...ref, width: ref.target.width, height: ref.target.height, raw: cut.raw, boxes: keepBoxesInOutput(cut.subjects, cut.plan) };
}

/** The source's focal point and keep boxes (stored or from its sidecar), if it has any, with its upright size. */
async function canvasMarks(deps: JobRunnerDeps, job: FalPartContext['job'], source: { width: number; height: number }): Promise<SourceMarksOnCanvas | undefined> {
  const { marks } = await marksOfSource(deps.store.marks, job.contentHash, job.sourcePath);
  return marks && (marks.focus || marks.keep.length > 0) ? { marks, source } : undefined;
}

/** The job log's sentence for each size cut here from fal's canvas. */
function canvasNotes(fetched: readonly FetchedOutput[]): string[] {
  const cut = fetched.filter((output) => output.canvas && output.imageIndex === 1);
  return cut.map(
    (output) =>
      `${formatTargetSize(output.target)}: fal made its ${formatTargetSize(output.canvas!)} canvas (${output.tier ?? 'tier not reported'}), cut to size here around the subject`,
  );
}

/** The source's upload, shared by a job's requests. */
export interface UploadOnce {
  /** The source's URL at fal storage, uploaded on first use and shared by the job's batches. */
  url(): Promise<string>;
  /** Forget the URL: the next submit gets a fresh upload. */
  discard(): void;
}

/** Uploads the context's encoded source on first use; later requests of the job reuse its URL. */
export function uploadOnce(context: FalPartContext): UploadOnce {
  let pending: Promise<string> | undefined;
  return {
    url: () => {
      const upload = context.upload;
      if (!upload) return Promise.reject(new Error('the source image is needed to submit a new fal request'));
      pending ??= untilAborted(
        context.client.storage.upload(new File([new Uint8Array(upload.bytes)], upload.fileName, { type: upload.contentType })),
        context.signal,
      );
      return pending;
    },
    discard: () => {
      pending = undefined;
    },
  };
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

/** Moves the job on when the state machine allows it from where it is; a later batch may already be past it. */
async function moveTo(deps: JobRunnerDeps, jobId: string, state: 'uploading' | 'downloading' | 'writing' | 'submitted'): Promise<void> {
  const job = await deps.store.jobs.getJob(jobId);
  if (!job || job.state === state) return;
  try {
    await deps.store.jobs.transition(jobId, state);
  } catch (error) {
    // Only a cancel (job now cancelled) may legitimately refuse: stop the run there.
    if ((await deps.store.jobs.getJob(jobId))?.state === 'cancelled') throw abortError('cancelled');
    if (state !== 'uploading') throw error;
  }
}
