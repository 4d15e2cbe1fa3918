import type { Job, JobChange } from '../../../electron/shared';

/**
 * A job change applied to a cached row, unless the row is already newer: events and answers travel separately, so
 * an answer that left the host before an event may arrive after it, and must not undo it (progress 50% -> 0%).
 */
export function patchJob(job: Job, change: JobChange): Job {
  return change.updatedAt < job.updatedAt ? job : { ...job, ...change };
}

/**
 * A freshly fetched list, keeping any cached row the engine changed after the fetch read it. A tie keeps the
 * cached row: it came from an event, which is never older than a read of the same moment.
 */
export function mergeFetchedJobs(cached: readonly Job[] | undefined, fetched: Job[]): Job[] {
  if (!cached || cached.length === 0) return fetched;
  const byId = new Map(cached.map((job) => [job.id, job]));
  return fetched.map((job) => {
    const known = byId.get(job.id);
    return known && known.updatedAt >= job.updatedAt ? { ...job, ...pickChange(known) } : job;
  });
}

function pickChange(job: Job): JobChange {
  const { id, state, progress, attempts, error, startedAt, finishedAt, updatedAt, retryAt } = job;
  return { id, state, progress, attempts, error, startedAt, finishedAt, updatedAt, retryAt };
}
