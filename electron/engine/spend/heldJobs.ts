import { toJobRecord, type JobRow } from '../store/rowMappers';
import { allRows, type SqlDatabase } from '../store/sqlite';
import type { JobRecord } from '../store';

/** A job waiting in `waiting_budget`, and whether a burst (rather than a cap) holds it. */
export interface HeldJob {
  readonly job: JobRecord;
  readonly burst: boolean;
}

/** Every job in `waiting_budget`, oldest first. */
export function heldJobs(db: SqlDatabase): HeldJob[] {
  return allRows<JobRow & { burst: number }>(
    db,
    `SELECT jobs.*, EXISTS (SELECT 1 FROM burst_holds h WHERE h.job_id = jobs.id) AS burst
     FROM jobs WHERE state = 'waiting_budget' ORDER BY created_at, id`,
  ).map((row) => ({ job: toJobRecord(row), burst: row.burst === 1 }));
}
