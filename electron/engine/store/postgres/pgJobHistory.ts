import { SmartResizeError } from '../../../domain/errors';
import { JOB_STATES, isJobState, type JobState } from '../../../domain/jobStates';
import { decodeJobCursor, encodeJobCursor } from '../jobCursor';
import { MAX_JOB_PAGE, type JobCountFilter, type JobDetail, type JobHistory, type JobPage, type JobQuery } from '../jobRepositories';
import { toJobRecord, type JobRow } from '../sqlite/rowMappers';
import type { PgContext } from './pgContext';
import { recentJobEvents } from './pgEventLog';
import { findJob } from './pgJobRows';
import { PgOutputRepository } from './pgOutputRepository';
import { PgRequestRepository } from './pgRequestRepository';
import { pgRows, type PgParams } from './pgSql';

/** Read side for the UI: paged lists, counts and job detail (PostgreSQL). */
export class PgJobHistory implements JobHistory {
  constructor(private readonly ctx: PgContext) {}

  async queryJobs(query: JobQuery): Promise<JobPage> {
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_JOB_PAGE) {
      throw new SmartResizeError('invalid_query', `A page holds 1 to ${MAX_JOB_PAGE} jobs, not ${query.limit}.`);
    }
    const where: string[] = [];
    const params: PgParams = { limit: query.limit + 1 };
    if (query.states && query.states.length > 0) {
      const unknown = query.states.find((s) => !isJobState(s));
      if (unknown !== undefined) throw new SmartResizeError('invalid_query', `Unknown job state "${unknown}".`);
      where.push(`state IN (${query.states.map((_, i) => `:state${i}`).join(', ')})`);
      query.states.forEach((state, i) => (params[`state${i}`] = state));
    }
    if (query.folderId !== undefined) {
      where.push('folder_id = :folderId');
      params.folderId = query.folderId;
    }
    if (query.profileId !== undefined) {
      where.push('profile_id = :profileId');
      params.profileId = query.profileId;
    }
    if (query.since !== undefined) {
      where.push('created_at >= :since');
      params.since = query.since;
    }
    if (query.until !== undefined) {
      where.push('created_at < :until');
      params.until = query.until;
    }
    if (query.search) {
      // SQLite's LIKE ignores ASCII case; ILIKE does the same here.
      where.push(`(source_name ILIKE :pattern ESCAPE '\\' OR source_path ILIKE :pattern ESCAPE '\\')`);
      params.pattern = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    if (query.cursor) {
      const cursor = decodeJobCursor(query.cursor);
      where.push('(created_at, id) < (:cursorAt::bigint, :cursorId::text)');
      params.cursorAt = cursor.createdAt;
      params.cursorId = cursor.id;
    }
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
