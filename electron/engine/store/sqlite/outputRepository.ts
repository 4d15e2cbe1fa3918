import { STORE_EVENT_KINDS } from '../storeEvents';
import { appendEvent } from './eventLog';
import { requireJob } from './jobRows';
import { toOutputRecord, type OutputRow } from './rowMappers';
import { allRows, getRow, withTransaction } from './sqlite';
import type { StoreContext } from './storeContext';
import type { PreflightCounts } from '../../../domain/placements';
import type { PreflightCountFilter } from '../jobRepositories';
import type { JobOutputRecord, NewJobOutput } from '../types';
import { countOutputPreflight } from './preflightCounts';

/** The files written for jobs (SQLite). */
export class SqliteOutputRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Records an output file after it was renamed into place. Writing the same (target, image index) again, as a
   * resumed job does, replaces the row instead of adding a second one.
   */
  addOutput(output: NewJobOutput): JobOutputRecord {
    return withTransaction(this.ctx, () => {
      const job = requireJob(this.ctx, output.jobId);
      const row = getRow<OutputRow>(
        this.ctx.db,
        `INSERT INTO job_outputs (job_id, target, image_index, path, width, height, provider, tier, bytes, format, preflight, preflight_status, layout, written_at)
         VALUES (:jobId, :target, :imageIndex, :path, :width, :height, :provider, :tier, :bytes, :format, :preflight, :preflightStatus, :layout, :now)
         ON CONFLICT (job_id, target, image_index) DO UPDATE SET
           path = excluded.path, width = excluded.width, height = excluded.height, provider = excluded.provider,
           tier = excluded.tier, bytes = excluded.bytes, format = excluded.format, preflight = excluded.preflight,
           preflight_status = excluded.preflight_status, layout = excluded.layout, written_at = excluded.written_at
         RETURNING *`,
        {
          ...output,
          format: output.format ?? null,
          preflight: output.preflight ? JSON.stringify(output.preflight) : null,
          preflightStatus: output.preflight?.status ?? null,
          layout: output.layout ? JSON.stringify(output.layout) : null,
          now: this.ctx.now(),
        },
      );
      appendEvent(this.ctx, STORE_EVENT_KINDS.outputWritten, output.jobId, {
        target: output.target,
        imageIndex: output.imageIndex,
        path: output.path,
      }, job);
      return toOutputRecord(row!);
    });
  }

  /** A job's outputs in target then image order. */
  listOutputs(jobId: string): JobOutputRecord[] {
    return allRows<OutputRow>(
      this.ctx.db,
      'SELECT * FROM job_outputs WHERE job_id = :jobId ORDER BY target, image_index',
      { jobId },
    ).map(toOutputRecord);
  }

  /** True when the path is a source or an output of some job: the files the UI may preview, open or reveal. */
  isJobFile(path: string): boolean {
    const row = getRow<{ found: number }>(
      this.ctx.db,
      `SELECT EXISTS (SELECT 1 FROM job_outputs WHERE path = :path)
              OR EXISTS (SELECT 1 FROM jobs WHERE source_path = :path) AS found`,
      { path },
    );
    return row?.found === 1;
  }

  /** How the recorded outputs did in preflight as written (see countOutputPreflight). */
  preflightCounts(filter: PreflightCountFilter = {}): PreflightCounts {
    return countOutputPreflight(this.ctx.db, filter);
  }
}
