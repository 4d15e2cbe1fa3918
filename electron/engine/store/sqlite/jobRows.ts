import { SmartResizeError } from '../../../domain/errors';
import { toJobRecord, type JobRow } from './rowMappers';
import { getRow } from './sqlite';
import type { StoreContext } from './storeContext';
import type { JobRecord } from '../types';

/** The job, or undefined. */
export function findJob(ctx: StoreContext, jobId: string): JobRecord | undefined {
  const row = getRow<JobRow>(ctx.db, 'SELECT * FROM jobs WHERE id = :jobId', { jobId });
  return row && toJobRecord(row);
}

/** The job, or a `job_not_found` error. */
export function requireJob(ctx: StoreContext, jobId: string): JobRecord {
  const job = findJob(ctx, jobId);
  if (!job) throw new SmartResizeError('job_not_found', `No job with id ${jobId} exists in the job database.`);
  return job;
}

/** True when the job holds a fal request that is still waiting or has a result: it must resume, not resubmit. */
export function hasLiveRequest(ctx: StoreContext, jobId: string): boolean {
  const row = getRow<{ live: number }>(
    ctx.db,
    `SELECT EXISTS (
       SELECT 1 FROM job_requests WHERE job_id = :jobId AND state IN ('submitted', 'completed')
     ) AS live`,
    { jobId },
  );
  return row?.live === 1;
}
