import { SmartResizeError } from '../../domain/errors';
import { formatTargetSize, parseTargetSize, type TargetSize } from '../../domain/sizes/targetSize';
import { loadSourceImage } from '../decode';
import { prepareUpload } from '../fal/prepareUpload';
import { cpuStep } from '../jobs/cpuStep';
import { fetchAndFinish, requestAndWait, uploadOnce, type FalBatchPlan, type FalPartContext } from '../jobs/falJobPart';
import { decodeScale, placementOfJob } from '../jobs/jobRunner';
import type { JobRunnerDeps } from '../jobs/jobRunnerTypes';
import { newMakingPath } from '../output/newMakingPath';
import { priceFinishedRequest } from '../pricing';
import { STORE_EVENT_KINDS, type JobOutputRecord, type JobRecord, type OutputVersionRecord } from '../store';
import { keepVariants } from '../jobs/keepVariants';
import { splitVariants } from '../output/falVariants';
import { keepRunVersion, placeVersion } from './placeVersion';
import { chooseVariant } from './variantSets';
import { quoteFalRerun, type FalRerunQuote } from './falRerunQuote';

/** What re-running one size at fal needs: the job runner's parts, and the data folder where versions are kept. */
export type FalRerunDeps = JobRunnerDeps & { readonly dataDir: string };

/** What a re-run at fal made. */
export interface FalRerunResult {
  readonly size: string;
  readonly requestId: string;
  /** What the ledger recorded for the request (fal's price applied to the tier it reported). */
  readonly costCents: number;
  /** The price shown before it was sent. */
  readonly quote: FalRerunQuote;
  /** The new version of each image of that size (one unless the profile asks fal for variants). */
  readonly versions: OutputVersionRecord[];
}

/**
 * Makes one size of a finished job again at fal, through the job runner's own fal path: the request's maximum is
 * admitted by the budget (a refusal is answered, the job stays done), the source is uploaded, the submit is recorded
 * before it goes out and its request id the moment fal answers (so a crash resumes it by id, see resumeFalReruns,
 * and never submits it again), the result is charged to the ledger once for that one request, downloaded at once,
 * finished to the placement's spec and written atomically at the output's path as a new version (cause `fal_rerun`,
 * made by fal with the tier it reported). The job's other outputs and their charges are left as they are.
 * A request of this size already at fal (a re-run interrupted by a crash or a lost answer) is resumed instead.
 */
export async function rerunSizeAtFal(deps: FalRerunDeps, jobId: string, size: string, signal: AbortSignal = new AbortController().signal): Promise<FalRerunResult> {
  const { job, outputs, target } = await rerunnable(deps, jobId, size);
  const client = deps.falClient();
  if (!client) throw new SmartResizeError('fal_key_missing', 'Re-running a size at fal needs a fal key: add one in Settings or set FAL_KEY.');
  const profile = deps.profileVersion(job.profileId, job.profileVersion);
  const quote = quoteFalRerun(profile, target);
  const plan = await planOf(deps, job, formatTargetSize(target));
  // A request fal has (resumed by id) needs no source; any other may be sent: decoded at fal's upload size, encoded once.
  const upload = plan.requestId
    ? undefined
    : await cpuStep(deps, signal, async () => {
        const source = await loadSourceImage(job.sourcePath, { ...deps.decode, minScale: (probe) => decodeScale(probe, [target], true) });
        return prepareUpload(source.raw, job.contentHash);
      });
  const context: FalPartContext = {
    deps,
    job,
    profile,
    placement: await placementOfJob(deps, job, profile),
    plans: [plan],
    client,
    upload,
    signal,
    tracker: {},
    report: async () => undefined,
    rerun: true,
  };
  const got = await requestAndWait(context, plan, uploadOnce(context));
  if (got.kind === 'held') throw new SmartResizeError('invalid_job_transition', `Not sent to fal: ${got.reason}`);
  const { body, requestId } = got;
  // fal billed the request once its result exists: priced and recorded before anything here can fail.
  await deps.spend?.charged(job, requestId, body.results ?? []);
  const finished = await fetchAndFinish(context, plan, body);
  // Several images of the size (all paid for): kept as a new set of its variants first, as a job's run keeps them;
  // A becomes the size's file, the others its spares. With A/B naming each image is its own deliverable instead.
  const policy = profile.fal.variants;
  const { deliverables, variants } = splitVariants(finished.images, policy);
  const chosen = variants.length > 0 ? { variantSet: plan.batchIndex, variant: 0 } : null;
  if (chosen) await keepVariants(deps.store, deps.dataDir, job.id, context.placement, variants, policy, { variantSet: chosen.variantSet, chooseFirst: false });
  const versions: OutputVersionRecord[] = [];
  for (const [index, image] of deliverables.entries()) {
    const output = outputs.find((candidate) => candidate.imageIndex === image.imageIndex - 1);
    if (!output) continue;
    // A changed encoding (an `auto` format deciding otherwise) takes a new name, given as every output's is.
    const at = await newMakingPath(deps.store.names, context.placement, output, image);
    const made = {
      bytes: image.bytes,
      format: image.format ?? null,
      preflight: image.preflight ?? null,
      layout: null,
      provider: 'fal' as const,
      tier: image.tier ?? null,
      path: at.path,
      root: at.root,
      variant: output.imageIndex === 0 ? chosen : null,
    };
    // The new set's spares go to variants/ before the file (as a run's do); a crash between resumes the request by id.
    if (made.variant) {
      // The run's file is kept as version 1 of its own set before the new set is chosen.
      await keepRunVersion(deps, output);
      await chooseVariant(deps.store, job.id, output.target, made.path, made.variant, policy);
    }
    // The request is complete in the commit of its last file: until then a restart fetches it again by id.
    const last = index === deliverables.length - 1;
    versions.push(await placeVersion(deps, output, made, 'fal_rerun', last ? (tx) => tx.requests.finishRequest(requestId, 'completed') : undefined));
  }
  if (versions.length === 0) await deps.store.requests.finishRequest(requestId, 'completed');
  // The ledger's own formula on the tier fal reported: the same cents it recorded.
  const costCents = priceFinishedRequest(body.results ?? []).totalCents;
  const notes = finished.notes.length > 0 ? ` (${finished.notes.join('; ')})` : '';
  await deps.store.events.append(STORE_EVENT_KINDS.jobNote, job.id, {
    message: `${formatTargetSize(target)} re-run at fal (request ${requestId}): version ${versions.map((version) => version.version).join(', ')}; the other sizes kept as they are${notes}`,
    state: job.state,
  });
  return { size: formatTargetSize(target), requestId, costCents, quote, versions };
}

/**
 * Re-runs at start what a crash interrupted: each request of a done job still at fal is fetched by its id (never
 * submitted again) and written as the re-run would have. Failures are kept in the job's log; none is thrown.
 */
export async function resumeFalReruns(deps: FalRerunDeps, signal?: AbortSignal): Promise<void> {
  for (const request of await deps.store.requests.rerunsInFlight()) {
    const size = request.sizes[0];
    if (!size) continue;
    await rerunSizeAtFal(deps, request.jobId, size, signal).catch(async (error: unknown) => {
      const job = await deps.store.jobs.getJob(request.jobId);
      await deps.store.events.append(STORE_EVENT_KINDS.jobNote, request.jobId, {
        message: `The re-run of ${size} at fal (request ${request.requestId}) could not be finished: ${(error as Error).message}`,
        state: job?.state ?? 'done',
      });
    });
  }
}

/** The job and its recorded outputs of that size, or why it cannot be re-run. */
async function rerunnable(deps: FalRerunDeps, jobId: string, size: string): Promise<{ job: JobRecord; outputs: JobOutputRecord[]; target: TargetSize }> {
  const job = await deps.store.jobs.getJob(jobId);
  if (!job) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
  if (job.state !== 'done') throw new SmartResizeError('invalid_job_transition', `Job ${jobId} is ${job.state}: only a finished job's size can be re-run (retry the job instead).`);
  const target = parseTargetSize(size);
  const all = await deps.store.outputs.listOutputs(jobId);
  const outputs = all.filter((output) => output.target === formatTargetSize(target));
  if (outputs.length === 0) throw new SmartResizeError('invalid_size', `Job ${jobId} has no ${size} output (it has ${[...new Set(all.map((o) => o.target))].join(', ') || 'none'}).`);
  return { job, outputs, target };
}

/**
 * The request this re-run uses: one of this size already at fal (resumed by id), a submit of it whose answer was
 * lost (looked up in fal's history first), or a new batch numbered after every earlier one of the job.
 */
async function planOf(deps: FalRerunDeps, job: JobRecord, size: string): Promise<FalBatchPlan> {
  const targets = [parseTargetSize(size)];
  const requests = await deps.store.requests.listRequests(job.id);
  const live = requests.find((request) => request.state === 'submitted' && request.sizes.length === 1 && request.sizes[0] === size);
  if (live) return { batchIndex: live.batchIndex, targets, requestId: live.requestId };
  if (requests.some((request) => request.state === 'submitted')) {
    throw new SmartResizeError('invalid_job_transition', `Another size of job ${job.id} is being re-run at fal: wait until it is written.`);
  }
  const submits = await deps.store.submits.listSubmits(job.id);
  const open = submits.find((submit) => submit.state === 'sending' && submit.sizes.length === 1 && submit.sizes[0] === size);
  if (open) return { batchIndex: open.batchIndex, targets };
  const next = Math.max(-1, ...requests.map((request) => request.batchIndex), ...submits.map((submit) => submit.batchIndex)) + 1;
  return { batchIndex: next, targets };
}
