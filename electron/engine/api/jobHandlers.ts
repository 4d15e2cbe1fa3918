import type { ApiHandlers } from '../../shared/contract/types';
import type { JobState } from '../../domain/jobStates';
import { SmartResizeError } from '../../domain/errors';
import type { EngineParts } from '../runtime/engineParts';
import { firstJobOf, toApiJob, toJobDetail } from './jobDto';
import { withLocalFallbackMarks } from './localFallbacks';
import { sourceSize } from '../output/finishImages';
import { assertPaidDropConfirmed } from './paidDropConfirmation';
import { discardUploads } from './discardUploads';
import { allowedQueuePaths, checkedOutputFolder, queueOrigin, type PathPolicy } from './pathPolicy';

/**
 * jobs.*: intake of dropped paths, the paged history, and the user's retry and cancel. With a path policy (headless
 * host), paths outside its roots are skipped with the reason instead of queued.
 */
export function jobHandlers(engine: EngineParts, pathPolicy?: PathPolicy): ApiHandlers['jobs'] {
  const { store } = engine;
  const jobWithOutputs = async (id: string) => {
    const job = await store.jobs.getJob(id);
    if (!job) throw new SmartResizeError('job_not_found', `There is no job ${id}.`);
    return withLocalFallbackMarks(engine, toApiJob(job, await store.outputs.listOutputs(id), await store.ledger.chargeCents(id), await firstJobOf(store, job)));
  };
  return {
    enqueuePaths: async ({ paths, profileId, reviewFirst, outputFolder, confirmedMaxCents }) => {
      // A batch's own output folder is checked before anything is queued: a bad one queues nothing.
      const outputRoot = outputFolder === undefined ? null : await checkedOutputFolder(outputFolder, pathPolicy);
      const checked = pathPolicy ? await allowedQueuePaths(paths, pathPolicy) : { allowed: paths, refused: [] };
      // Nothing left to queue: still report a wrong profile id as such.
      if (checked.allowed.length === 0) engine.profiles.get(profileId);
      // Paid work above the threshold is refused here too, not only asked about in the UI: nothing is queued.
      await assertPaidDropConfirmed(engine, { paths: checked.allowed, profileId, reviewFirst, confirmedMaxCents });
      const options = reviewFirst || outputRoot !== null ? { reviewFirst: reviewFirst === true, outputRoot } : undefined;
      // Uploads (files the headless host saved in its inbox) and drops are queued apart, each with its origin.
      const uploads = checked.allowed.filter((path) => queueOrigin(path, pathPolicy) === 'upload');
      const drops = checked.allowed.filter((path) => queueOrigin(path, pathPolicy) === 'drop');
      const results = await Promise.all([
        drops.length > 0 ? engine.enqueuePaths(drops, profileId, 'drop', options) : undefined,
        uploads.length > 0 ? engine.enqueuePaths(uploads, profileId, 'upload', options) : undefined,
      ]);
      const result = { jobs: results.flatMap((part) => part?.jobs ?? []), refused: results.flatMap((part) => part?.refused ?? []) };
      return {
        jobIds: result.jobs.filter((entry) => entry.created).map((entry) => entry.job.id),
        skipped: [
          ...checked.refused,
          ...result.refused,
          ...result.jobs
            .filter((entry) => !entry.created)
            .map((entry) => ({ path: entry.path, reason: entry.copyOf ? copyReason(entry.copyOf) : alreadyKnown(entry.job.state) })),
        ],
      };
    },
    discardUploads: async ({ paths }) => discardUploads(engine, paths, pathPolicy?.uploadRoot),
    query: async (query) => {
      const page = await store.history.queryJobs({ ...query, cursor: query.cursor ?? undefined });
      const item = async (job: (typeof page.jobs)[number]) =>
        withLocalFallbackMarks(engine, toApiJob(job, await store.outputs.listOutputs(job.id), await store.ledger.chargeCents(job.id), await firstJobOf(store, job)));
      return { items: await Promise.all(page.jobs.map(item)), nextCursor: page.nextCursor };
    },
    detail: async ({ id }) => {
      const detail = await toJobDetail(store, id);
      if (!detail) throw new SmartResizeError('job_not_found', `There is no job ${id}.`);
      // The source's upright size: the job view draws each size's frame in its pixels.
      return { ...withLocalFallbackMarks(engine, detail), source: (await sourceSize(detail.sourcePath)) ?? null };
    },
    retry: async ({ id }) => {
      await engine.retry(id);
      return jobWithOutputs(id);
    },
    makeAnyway: async ({ id }) => {
      await engine.makeAnyway(id);
      return jobWithOutputs(id);
    },
    cancel: async ({ id }) => {
      await engine.cancel(id);
      return jobWithOutputs(id);
    },
  };
}

/** Why a dropped copy of an image already in a job made no new one, and where to make it anyway. */
function copyReason(first: { sourceName: string; state: JobState }): string {
  return `Same image as ${first.sourceName} (${first.state} with this version of the profile): recorded as skipped in History, where "Make anyway" makes it again.`;
}

/** Why a dropped image made no new job: the same content already has one with this profile version. */
function alreadyKnown(state: JobState): string {
  if (state === 'done') return 'This image was already made with this version of the profile: see it in History.';
  if (state === 'failed') return 'This image already failed with this version of the profile: retry it from History.';
  if (state === 'cancelled') return 'This image was cancelled with this version of the profile: run it again from History.';
  return 'This image is already in the queue with this version of the profile.';
}
