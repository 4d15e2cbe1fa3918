import { JOB_STATES, isJobState, type JobState } from '../../../domain/jobStates';
import { recentJobEvents } from './eventLog';
import { type JobCountFilter, type JobDetail, type JobPage, type JobQuery } from '../jobRepositories';
import { encodeJobCursor } from '../jobCursor';
import { jobPageFilter } from '../jobPageFilter';
import { findJob } from './jobRows';
import { SqliteOutputRepository } from './outputRepository';
import { SqliteRequestRepository } from './requestRepository';
import { toJobRecord, type JobRow } from './rowMappers';
import { allRows } from './sqlite';
import type { StoreContext } from './storeContext';

/** Read side for the UI: paged lists, counts and job detail (SQLite). */
export class SqliteJobHistory {
  private readonly requests: SqliteRequestRepository;
  private readonly outputs: SqliteOutputRepository;

  constructor(private readonly ctx: StoreContext) {
    this.requests = new SqliteRequestRepository(ctx);
    this.outputs = new SqliteOutputRepository(ctx);
  }

  /**
   * A page of jobs, newest first, by keyset paging on (created_at, id): stable while new jobs arrive (they land
   * before page one, never shifting later pages) and as fast on page 100 as on page 1.
   */
  queryJobs(query: JobQuery): JobPage {
    const { where, params } = jobPageFilter(query, { like: 'LIKE', cursorComparison: '(created_at, id) < (:cursorAt, :cursorId)' });
    const rows = allRows<JobRow>(
      this.ctx.db,
      `SELECT * FROM jobs
       ${where.length > 0 ? `WHERE ${where.join('\n         AND ')}` : ''}
       ORDER BY created_at DESC, id DESC
       LIMIT :limit`,
      params,
    );
    const jobs = rows.slice(0, query.limit).map(toJobRecord);
    const last = jobs.at(-1);
    const nextCursor = rows.length > query.limit && last ? encodeJobCursor(last) : null;
    return { jobs, nextCursor };
  }

  /** How many jobs are in each state (every state present, zero included), optionally for one folder or profile. */
  countByState(filter: JobCountFilter = {}): Record<JobState, number> {
    const rows = allRows<{ state: string; n: number }>(
      this.ctx.db,
      `SELECT state, count(*) AS n FROM jobs
       WHERE (:folderId IS NULL OR folder_id = :folderId)
         AND (:profileId IS NULL OR profile_id = :profileId)
       GROUP BY state`,
      { folderId: filter.folderId ?? null, profileId: filter.profileId ?? null },
    );
    const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
    for (const row of rows) if (isJobState(row.state)) counts[row.state] = row.n;
    return counts;
  }

  /** The job with its fal requests, outputs and its newest `eventLimit` events; undefined for an unknown id. */
  getJobDetail(jobId: string, eventLimit = 50): JobDetail | undefined {
    const job = findJob(this.ctx, jobId);
    if (!job) return undefined;
    return {
      job,
      requests: this.requests.listRequests(jobId),
      outputs: this.outputs.listOutputs(jobId),
      events: recentJobEvents(this.ctx.db, jobId, eventLimit),
    };
  }
}
