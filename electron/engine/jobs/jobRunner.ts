import { dirname } from 'node:path';
import { SmartResizeError } from '../../domain/errors';
import { abortError } from '../async/abortError';
import { marksOfSource } from '../composition/marks';
import { decodeScaleForTargets, decodeWithSubjects, renderLocalSizes } from '../local';
import { MAX_UPLOAD_SIDE, prepareUpload, type UploadImage } from '../fal/prepareUpload';
import type { OutputPlacement } from '../output/writeRenderedOutputs';
import type { Profile } from '../profiles';
import { formatTargetSize, parseTargetSize, type TargetSize } from '../../domain/sizes/targetSize';
import { STORE_EVENT_KINDS, type JobRecord, type RunnableJob } from '../store';
import { finishImages, localPixels, profileFinishContext, sourceRights } from '../output/finishImages';
import { safeInsetsFor } from '../preflight';
import { cpuStep } from './cpuStep';
import { runFalBatches, type FalBatchPlan } from './falJobPart';
import { settleFailure } from './jobFailure';
import { writeAndRecordOutputs } from './jobOutputs';
import { localFallbackNote } from './localFallbackNote';
import type { JobOutcome, JobRunnerDeps, StopReason } from './jobRunnerTypes';
import { batchTargets } from '../fal/smartResizeInput';
import { routeSizes } from './sizeRouting';
import { layoutInSource } from '../review/layoutInSource';
import { awaitApproval, finishReviewRun, reviewRunOf, uploadForApproved } from './reviewFirstRun';

/**
 * Runs one claimed job to its next resting state. A fresh job decodes its source once, writes the sizes the local
 * engine makes, then sends the rest to fal in requests of at most 10 sizes. A resumed job (it has request ids)
 * fetches those requests' results and never submits them again; it reads the source only if some size is still
 * unmade. Every failure is settled into a state by settleFailure; nothing thrown escapes.
 */
export async function runJob(deps: JobRunnerDeps, claimed: RunnableJob, signal: AbortSignal): Promise<JobOutcome> {
  const { store } = deps;
  const job = claimed.job;
  const tracker = { requestId: undefined as string | undefined };
  try {
    await deps.profileReady?.(job.profileId, job.profileVersion);
    const profile = deps.profileVersion(job.profileId, job.profileVersion);
    const options = await store.reviews.jobOptions(job.id);
    const placement = placementFor(job, profile, deps, options?.outputRoot);
    const expected = profile.sizes.length;
    const report = async (extra: { falStatus?: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED'; queuePosition?: number } = {}) => {
      const written = new Set((await store.outputs.listOutputs(job.id)).map((output) => output.target)).size;
      const fraction = Math.min(1, written / expected);
      // Stored too, so every later view of the job (a state change, a refetch) shows it: progress never goes back.
      if (fraction > job.progress) await store.jobs.setProgress(job.id, fraction);
      deps.onProgress({ jobId: job.id, fraction, ...extra });
    };

    const live = (await store.requests.listRequests(job.id)).filter((request) => request.state === 'submitted' || request.state === 'completed');
    const covered = new Set([...live.flatMap((request) => request.sizes), ...(await store.outputs.listOutputs(job.id)).map((output) => output.target)]);
    const open = profile.sizes.map(({ width, height }) => ({ width, height })).filter((size) => !covered.has(formatTargetSize(size)));
    // Review first: the first run makes every size locally as a preview; later runs send only the approved sizes.
    const review = await reviewRunOf(store, job.id, options, new Set(live.flatMap((request) => request.sizes)));

    const client = deps.falClient();
    let upload: UploadImage | undefined;
    let falTargets: TargetSize[] = [];
    if (open.length > 0) {
      // Decoding, local rendering and the upload's encoding are one CPU step: a job that got a core finishes all of
      // it, and the decoded pixels are not kept while the job waits on fal (only the encoded upload is).
      const prepared = await cpuStep(deps, signal, async () => {
        // The user's focal point and keep boxes for this content (or its sidecar's) weigh in every layout.
        const { marks } = await marksOfSource(store.marks, job.contentHash, job.sourcePath);
        // Detection runs on a shrink-on-load thumbnail while the full image decodes (a big JPEG's detection then
        // adds only what outlasts its decode).
        const load = { ...deps.decode, minScale: (probe: { width: number; height: number }) => decodeScale(probe, open, client !== undefined) };
        const { source, detection } = await decodeWithSubjects(job.sourcePath, load, { detector: deps.detector, contentHash: job.contentHash, marks });
        throwIfStopped(signal);
        // Each output is encoded to its placement's spec (weight budget, metadata) and preflighted in this same step;
        // the planner (for the auto policy's choice and for the render alike) keeps must-keep subjects out of each
        // placement's safe zone.
        const context = profileFinishContext(profile, { rights: await sourceRights(job.sourcePath), source: source.probe, aiComposited: false });
        const insetsFor = (target: TargetSize) => safeInsetsFor(context.placementOf(target), target);
        const routes = routeSizes(profile, open, source.raw, client !== undefined, detection, insetsFor);
        const localTargets = review?.previewing ? [...routes.local, ...routes.fal] : routes.local;
        const pixels = localTargets.length > 0 ? await renderLocalSizes(source.raw, localTargets, { ...profile.output, format: 'raw', subjects: routes.subjects, insetsFor }) : [];
        const finished = await finishImages(pixels.map((image) => localPixels(image, source.raw.channels, routes.subjects)), context);
        // Each size's layout in upright source pixels, kept with its output: the job view draws it as a frame to nudge.
        const rendered = finished.images.map((image, index) => ({ ...image, layout: layoutInSource(pixels[index]!.plan, source.raw, source.probe, profile.output.fill.style) }));
        const encoded = routes.fal.length > 0 && client && !review?.previewing ? await prepareUpload(source.raw, job.contentHash) : undefined;
        return { routes, rendered, encoded, notes: [...source.notes, ...routes.notes, ...finished.notes] };
      });
      const { routes, rendered, notes } = prepared;
      // Kept in the job's log, so History says why an output shows one frame of an animation or other colours.
      if (notes.length > 0) await store.events.append(STORE_EVENT_KINDS.jobNote, job.id, { message: notes.join('; '), state: 'preparing' });
      const fallback = client ? undefined : localFallbackNote(profile, routes.local, deps.localOnlyReason?.());
      if (fallback) await store.events.append(STORE_EVENT_KINDS.jobNote, job.id, { message: fallback, state: 'preparing' });
      // And why each size went where it went (the auto policy's choice, from the layout score).
      await store.events.append(STORE_EVENT_KINDS.jobNote, job.id, { message: routes.reasons.join('; '), state: 'preparing' });
      upload = prepared.encoded;
      const previews = review?.previewing === true && routes.fal.length > 0;
      falTargets = review?.previewing ? [] : routes.fal;
      if (rendered.length > 0) {
        const onlyLocal = routes.fal.length === 0 && live.length === 0;
        throwIfStopped(signal);
        if (onlyLocal || previews) await store.jobs.transition(job.id, 'writing');
        await writeAndRecordOutputs(store, job.id, placement, rendered, 'local');
        if (client) await deps.spend?.saved(job, autoSizes(profile, routes.local), onlyLocal);
        await report();
      }
      // Nothing goes to fal before the person approves: the paid sizes are quoted and the job waits for them.
      if (previews) return await awaitApproval(store, job, profile, routes.fal);
    }
    if (review && review.approved.length > 0) {
      falTargets = [...falTargets, ...review.approved];
      upload ??= client ? await uploadForApproved(deps, job, (probe) => decodeScale(probe, review.approved, true), signal) : undefined;
    }

    const plans = batchPlans(live, falTargets);
    if (plans.length > 0) {
      if (!client) throw new SmartResizeError('fal_key_missing', 'This job needs fal but no fal key is set: add one in Settings or set FAL_KEY.');
      // An approved size replaces its preview at the same path (the preview was this job's own file).
      const falPlacement: OutputPlacement = review ? { ...placement, collision: 'overwrite' } : placement;
      const held = await runFalBatches({ deps, job, profile, placement: falPlacement, plans, client, upload, signal, tracker, report });
      if (held) return held;
    }
    if (review) return await finishReviewRun(store, job.id);
    await store.jobs.transition(job.id, 'done', { progress: 1 });
    return { kind: 'done' };
  } catch (error) {
    return settleFailure(error, {
      store,
      job,
      now: deps.now(),
      requestId: tracker.requestId,
      watchedFolder: watchedFolderOf(deps, job),
      stopReason: signal.aborted ? (signal.reason as StopReason) : undefined,
      onOffline: deps.onOffline,
      onRejected: (requestId) => deps.spend?.mayBeBilled(job, requestId),
    });
  }
}

/** Resumed requests first (by their stored batch index), then new batches numbered after them. */
function batchPlans(live: ReadonlyArray<{ batchIndex: number; requestId: string; sizes: string[] }>, falTargets: readonly TargetSize[]): FalBatchPlan[] {
  const resumed = live.map((request) => ({
    batchIndex: request.batchIndex,
    targets: request.sizes.map(parseTargetSize),
    requestId: request.requestId,
  }));
  const firstNew = resumed.reduce((max, plan) => Math.max(max, plan.batchIndex + 1), 0);
  const fresh = batchTargets(falTargets).map((targets, index) => ({ batchIndex: firstNew + index, targets }));
  return [...resumed, ...fresh];
}

/**
 * The placement of a job's outputs as its run had it, read again for a later making of one of them (a re-run, a
 * marks remake): the output folder the job was given at intake (a dropped batch's own) is kept, so the new file
 * lands beside the others and inside the same root.
 */
export async function placementOfJob(deps: Pick<JobRunnerDeps, 'store' | 'folderPlacement'>, job: JobRecord, profile: Profile): Promise<OutputPlacement> {
  const options = await deps.store.reviews.jobOptions(job.id);
  return placementFor(job, profile, deps, options?.outputRoot);
}

/**
 * Where and how a job's outputs are written (its folder's output root, or the one the job was given at intake, e.g.
 * a dropped batch's own folder; the profile's naming).
 */
function placementFor(job: JobRecord, profile: Profile, deps: Pick<JobRunnerDeps, 'folderPlacement'>, jobOutputRoot?: string | null): OutputPlacement {
  const folder = deps.folderPlacement(job.folderId);
  return {
    sourcePath: job.sourcePath,
    watchedFolder: folder?.path ?? dirname(job.sourcePath),
    outputRoot: jobOutputRoot ?? folder?.outputRoot,
    format: profile.output.format,
    template: profile.naming.template,
    collision: profile.naming.collision,
    profileName: profile.name,
    variantNaming: profile.fal.variants.naming,
  };
}

/** The root of the job's hot folder, if it came from one this instance still watches. */
function watchedFolderOf(deps: Pick<JobRunnerDeps, 'folderPlacement'>, job: JobRecord): string | undefined {
  try {
    return deps.folderPlacement(job.folderId)?.path;
  } catch {
    // A folder no longer in the settings: the job's failure is settled as it is, nothing to wait for.
    return undefined;
  }
}

/** Decode only as large as needed: the largest local size, or fal's upload size when fal may get the image. */
export function decodeScale(probe: { width: number; height: number }, targets: readonly TargetSize[], falPossible: boolean): number {
  const local = decodeScaleForTargets(probe, targets);
  if (!falPossible) return local;
  return Math.min(1, Math.max(local, MAX_UPLOAD_SIDE / Math.max(probe.width, probe.height)));
}

/** The sizes an `auto` policy kept local (the ones with a `local` policy were never fal's). */
function autoSizes(profile: Profile, local: readonly TargetSize[]): TargetSize[] {
  return local.filter((target) => profile.sizes.some((size) => size.policy === 'auto' && size.width === target.width && size.height === target.height));
}

function throwIfStopped(signal: AbortSignal): void {
  if (signal.aborted) throw abortError('stopped');
}
