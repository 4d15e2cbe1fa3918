import type { ApiHandlers } from '../../shared/contract/types';
import { SmartResizeError } from '../errors';
import type { Engine } from '../runtime/engine';
import { toApiJob, toJobDetail } from './jobDto';

/** jobs.*: intake of dropped paths, the paged history, and the user's retry and cancel. */
export function jobHandlers(engine: Engine): ApiHandlers['jobs'] {
  const { store } = engine;
  const jobWithOutputs = (id: string) => {
    const job = store.jobs.getJob(id);
    if (!job) throw new SmartResizeError('job_not_found', `There is no job ${id}.`);
    return toApiJob(job, store.outputs.listOutputs(id));
  };
  return {
    enqueuePaths: async ({ paths, profileId }) => {
      const result = await engine.enqueuePaths(paths, profileId);
      return {
        jobIds: result.jobs.filter((entry) => entry.created).map((entry) => entry.job.id),
        skipped: [
          ...result.refused,
          ...result.jobs
            .filter((entry) => !entry.created)
            .map((entry) => ({ path: entry.path, reason: `Already queued or done with this profile version (job state: ${entry.job.state.replace('_', ' ')}).` })),
        ],
      };
    },
    query: async (query) => {
      const page = store.history.queryJobs({ ...query, cursor: query.cursor ?? undefined });
      return { items: page.jobs.map((job) => toApiJob(job, store.outputs.listOutputs(job.id))), nextCursor: page.nextCursor };
    },
    detail: async ({ id }) => {
      const detail = toJobDetail(store, id);
      if (!detail) throw new SmartResizeError('job_not_found', `There is no job ${id}.`);
      return detail;
    },
    retry: async ({ id }) => {
      engine.retry(id);
      return jobWithOutputs(id);
    },
    cancel: async ({ id }) => {
      await engine.cancel(id);
      return jobWithOutputs(id);
    },
  };
}
