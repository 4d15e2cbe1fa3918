import { JOB_STATES, isJobState, type JobState } from '../../../domain/jobStates';
import { encodeJobCursor } from '../jobCursor';
import { jobPageFilter } from '../jobPageFilter';
import { type JobCountFilter, type JobDetail, type JobHistory, type JobPage, type JobQuery } from '../jobRepositories';
import { toJobRecord, type JobRow } from '../sqlite/rowMappers';
import type { PgContext } from './pgContext';
import { recentJobEvents } from './pgEventLog';
import { findJob } from './pgJobRows';
import { PgOutputRepository } from './pgOutputRepository';
import { PgRequestRepository } from './pgRequestRepository';
import { pgRows } from './pgSql';

/** Read side for the UI: paged lists, counts and job detail (PostgreSQL). */
export class PgJobHistory implements JobHistory {
  constructor(private readonly ctx: PgContext) {}

  async queryJobs(query: JobQuery): Promise<JobPage> {
    const { where, params } = jobPageFilter(query, { like: 'ILIKE', cursorComparison: '(created_at, id) < (:cursorAt::bigint, :cursorId::text)' });
    const rows = await pgRows<JobRow>(
      this.ctx.client,
      `SELECT * FROM jobs ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT :limit`,
      params,
    );
    const jobs = rows.slice(0, query.limit).map(toJobRecord);
    const last = jobs.at(-1);
    return { jobs, nextCursor: rows.length > query.limit && last ? encodeJobCursor(last) : null };
  }

  async countByState(filter: JobCountFilter = {}): Promise<Record<JobState, number>> {
    const rows = await pgRows<{ state: string; n: number }>(
      this.ctx.client,
      `SELECT state, count(*) AS n FROM jobs
       WHERE (:folderId::text IS NULL OR folder_id = :folderId) AND (:profileId::text IS NULL OR profile_id = :profileId)
       GROUP BY state`,
      { folderId: filter.folderId ?? null, profileId: filter.profileId ?? null },
    );
    const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
    for (const row of rows) if (isJobState(row.state)) counts[row.state] = row.n;
    return counts;
  }

  async getJobDetail(jobId: string, eventLimit = 50): Promise<JobDetail | undefined> {
    const job = await findJob(this.ctx, jobId);
    if (!job) return undefined;
    return {
      job,
      requests: await new PgRequestRepository(this.ctx).listRequests(jobId),
      outputs: await new PgOutputRepository(this.ctx).listOutputs(jobId),
      events: await recentJobEvents(this.ctx, jobId, eventLimit),
    };
  }
}
