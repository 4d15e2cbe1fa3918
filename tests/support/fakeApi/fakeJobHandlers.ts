import { SmartResizeError } from '../../../electron/domain/errors';
import type { ApiEventHub, ApiHandlers, JobDetail } from '../../../electron/shared';
import { FINISHED_JOB_STATES } from '../../../electron/domain/jobStates';
import { makeFakeJob } from './fakeJobFactory';
import { queryFakeJobs } from './fakeJobQuery';
import { jobChange } from './fakeEvents';
import { fakeBatch, nextFakeId, toJobRow, type FakeState } from './fakeState';

const IMAGE_NAME = /\.(jpe?g|png|webp|avif|tiff?|gif|svg|heic|heif)$/i;

function findJob(state: FakeState, id: string): JobDetail {
  const job = state.jobs.find((candidate) => candidate.id === id);
  if (!job) throw new SmartResizeError('job_not_found', `There is no job with id "${id}".`);
  return job;
}

/** Job verbs over the fake state; every change is also pushed as an event, like the real host. */
export function fakeJobHandlers(state: FakeState, hub: ApiEventHub): ApiHandlers['jobs'] {
  return {
    enqueuePaths: async ({ paths, profileId }) => {
      const profile = state.profiles.find((candidate) => candidate.id === profileId);
      if (!profile) throw new SmartResizeError('profile_not_found', `There is no profile with id "${profileId}".`);
      const jobIds: string[] = [];
      const skipped: Array<{ path: string; reason: string }> = [];
      for (const path of paths) {
        if (!IMAGE_NAME.test(path)) {
          skipped.push({ path, reason: 'Not an image the app can resize.' });
          continue;
        }
        const job = makeFakeJob({ id: nextFakeId(state, 'job'), sourcePath: path, profile, folderId: null, state: 'queued', createdAt: Date.now() });
        state.jobs.unshift(job);
        jobIds.push(job.id);
        hub.emit(jobChange(job));
      }
      const now = Date.now();
      state.batch = state.batch && state.batch.endedAt === null ? { ...state.batch, total: state.batch.total + jobIds.length } : fakeBatch(jobIds.length, 0, now);
      return { jobIds, skipped };
    },
    // The fake keeps no files: an upload no job names is counted as removed, as the real inbox would drop it.
    discardUploads: async ({ paths }) => {
      const queued = new Set(state.jobs.map((job) => job.sourcePath));
      const kept = paths.filter((path) => queued.has(path)).map((path) => ({ path, reason: 'Already handed to the queue: its job reads it.' }));
      return { removed: paths.length - kept.length, kept };
    },
    query: async (query) => queryFakeJobs(state.jobs, query),
    detail: async ({ id }) => findJob(state, id),
    retry: async ({ id }) => {
      const job = findJob(state, id);
      if (job.state !== 'failed' && job.state !== 'cancelled') {
        throw new SmartResizeError('invalid_job_transition', `Only failed or cancelled jobs can be retried; this one is ${job.state}.`);
      }
      Object.assign(job, { state: 'queued', error: null, progress: 0, finishedAt: null });
      job.log.push({ at: Date.now(), state: 'queued', message: 'Retried by you.' });
      hub.emit(jobChange(job));
      return toJobRow(job);
    },
    makeAnyway: async ({ id }) => {
      const job = findJob(state, id);
      if (job.state !== 'skipped') throw new SmartResizeError('invalid_job_transition', `This job is not skipped (it is ${job.state}).`);
      Object.assign(job, { state: 'queued', outputs: [], progress: 0, finishedAt: null });
      job.log.push({ at: Date.now(), state: 'queued', message: 'Made anyway by you.' });
      hub.emit(jobChange(job));
      return toJobRow(job);
    },
    cancel: async ({ id }) => {
      const job = findJob(state, id);
      if (FINISHED_JOB_STATES.includes(job.state)) {
        throw new SmartResizeError('invalid_job_transition', `This job is already ${job.state}.`);
      }
      Object.assign(job, { state: 'cancelled', finishedAt: Date.now() });
      job.log.push({ at: Date.now(), state: 'cancelled', message: 'Cancelled by you.' });
      hub.emit(jobChange(job));
      return toJobRow(job);
    },
  };
}
