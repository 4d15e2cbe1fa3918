import type { PreflightCounts } from '../../../domain/placements';
import type { OutputRepository, PreflightCountFilter } from '../jobRepositories';
import { toOutputRecord, type OutputRow } from '../sqlite/rowMappers';
import { STORE_EVENT_KINDS } from '../storeEvents';
import type { JobOutputRecord, NewJobOutput } from '../types';
import type { PgContext } from './pgContext';
import { appendEvent } from './pgEventLog';
import { requireJob } from './pgJobRows';
import { pgRow, pgRows } from './pgSql';

/** The files written for jobs (PostgreSQL). */
export class PgOutputRepository implements OutputRepository {
  constructor(private readonly ctx: PgContext) {}

  async addOutput(output: NewJobOutput): Promise<JobOutputRecord> {
    const job = await requireJob(this.ctx, output.jobId);
    const row = await pgRow<OutputRow>(
      this.ctx.client,
      `INSERT INTO job_outputs (job_id, target, image_index, path, width, height, provider, tier, bytes, format, preflight, preflight_status, layout, written_at)
       VALUES (:jobId, :target, :imageIndex, :path, :width, :height, :provider, :tier, :bytes, :format, :preflight, :preflightStatus, :layout, :now)
       ON CONFLICT (job_id, target, image_index) DO UPDATE SET
         path = excluded.path, width = excluded.width, height = excluded.height, provider = excluded.provider,
         tier = excluded.tier, bytes = excluded.bytes, format = excluded.format, preflight = excluded.preflight,
         preflight_status = excluded.preflight_status, layout = excluded.layout, written_at = excluded.written_at
       RETURNING *`,
      {
        jobId: output.jobId,
        target: output.target,
        imageIndex: output.imageIndex,
        path: output.path,
        width: output.width,
        height: output.height,
        provider: output.provider,
        tier: output.tier,
        bytes: output.bytes,
        format: output.format ?? null,
        preflight: output.preflight ? JSON.stringify(output.preflight) : null,
        preflightStatus: output.preflight?.status ?? null,
        layout: output.layout ? JSON.stringify(output.layout) : null,
        now: this.ctx.now(),
      },
    );
    await appendEvent(this.ctx, STORE_EVENT_KINDS.outputWritten, output.jobId, { target: output.target, imageIndex: output.imageIndex, path: output.path }, job);
    return toOutputRecord(row!);
  }

  async listOutputs(jobId: string): Promise<JobOutputRecord[]> {
    const rows = await pgRows<OutputRow>(this.ctx.client, 'SELECT * FROM job_outputs WHERE job_id = :jobId ORDER BY target, image_index', { jobId });
    return rows.map(toOutputRecord);
  }

  async isJobFile(path: string): Promise<boolean> {
    const row = await pgRow<{ found: boolean }>(
      this.ctx.client,
      `SELECT EXISTS (SELECT 1 FROM job_outputs WHERE path = :path) OR EXISTS (SELECT 1 FROM jobs WHERE source_path = :path) AS found`,
      { path },
    );
    return row?.found === true;
  }

  /** How the recorded outputs did in preflight as written (each output's current file: a rewrite counts once). */
  async preflightCounts(filter: PreflightCountFilter = {}): Promise<PreflightCounts> {
    const rows = await pgRows<{ status: string | null; n: number }>(
      this.ctx.client,
      `SELECT o.preflight_status AS status, count(*) AS n
         FROM job_outputs o JOIN jobs j ON j.id = o.job_id
        WHERE (:folderId::text IS NULL OR j.folder_id = :folderId)
          AND (:since::bigint IS NULL OR o.written_at >= :since)
          AND (:until::bigint IS NULL OR o.written_at < :until)
        GROUP BY o.preflight_status`,
      { folderId: filter.folderId ?? null, since: filter.since ?? null, until: filter.until ?? null },
    );
    const counts = { pass: 0, warn: 0, fail: 0, unchecked: 0 };
    for (const row of rows) {
      const key = row.status === 'pass' || row.status === 'warn' || row.status === 'fail' ? row.status : 'unchecked';
      counts[key] += row.n;
    }
    return counts;
  }
}
