import { SmartResizeError } from '../../../domain/errors';
import { toJobRecord, type JobRow } from '../sqlite/rowMappers';
import type { JobRecord } from '../types';
import type { PgContext } from './pgContext';
import { pgRow } from './pgSql';

/** The job, or undefined. */
export async function findJob(ctx: PgContext, jobId: string): Promise<JobRecord | undefined> {
  const row = await pgRow<JobRow>(ctx.client, 'SELECT * FROM jobs WHERE id = :jobId', { jobId });
  return row && toJobRecord(row);
}

/**
 * The job locked for this unit (FOR UPDATE: another instance's change to it waits until this unit ends), or a
 * `job_not_found` error. Every read-then-write of a job goes through here, so two instances never both move it.
 */
export async function requireJob(ctx: PgContext, jobId: string): Promise<JobRecord> {
  const row = await pgRow<JobRow>(ctx.client, 'SELECT * FROM jobs WHERE id = :jobId FOR UPDATE', { jobId });
  if (!row) throw new SmartResizeError('job_not_found', `No job with id ${jobId} exists in the job database.`);
  return toJobRecord(row);
}

/** True when the job holds a fal request that is still waiting or has a result: it must resume, not resubmit. */
export async function hasLiveRequest(ctx: PgContext, jobId: string): Promise<boolean> {
  const row = await pgRow<{ live: boolean }>(
    ctx.client,
    `SELECT EXISTS (SELECT 1 FROM job_requests WHERE job_id = :jobId AND state IN ('submitted', 'completed')) AS live`,
    { jobId },
  );
  return row?.live === true;
}
