import { FINISHED_JOB_STATES } from '../../../electron/domain/jobStates';
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

/**
 * The rows of the active list a page shows: a job whose event says it finished leaves the list at once. Its row stays
 * in the cache (patched to done) until the refetch that event started, so an answer read before the job finished
 * cannot bring it back as running; shown meanwhile, it sat under "Pending jobs" as Done with a Cancel button.
 */
export function stillActive(jobs: readonly Job[]): Job[] {
  return jobs.filter((job) => !FINISHED_JOB_STATES.includes(job.state));
}
