import type { NewOutputVersion, OutputVersionRecord } from '../types';
import { requireJob } from './jobRows';
import { allRows, getRow, run, withTransaction } from './sqlite';
import type { StoreContext } from './storeContext';
import { toVersionRecord, type VersionRow } from '../versionRows';

/** Every kept making of each output of a job, and which one each output file holds (SQLite; issue 14). */
export class SqliteOutputVersionRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Records the next version of one output (numbered after its last); answers it. */
  addVersion(input: NewOutputVersion): OutputVersionRecord {
    return withTransaction(this.ctx, () => {
      requireJob(this.ctx, input.jobId);
      const row = getRow<VersionRow>(
        this.ctx.db,
        `INSERT INTO output_versions (job_id, target, image_index, version, cause, provider, tier, layout, kept_path, width, height, bytes, format, preflight, created_at, variant_set, variant)
         VALUES (:jobId, :target, :imageIndex,
                 (SELECT coalesce(max(version), 0) + 1 FROM output_versions WHERE job_id = :jobId AND target = :target AND image_index = :imageIndex),
                 :cause, :provider, :tier, :layout, :keptPath, :width, :height, :bytes, :format, :preflight, :now, :variantSet, :variant)
         RETURNING *`,
        {
          ...input,
          layout: input.layout ? JSON.stringify(input.layout) : null,
          preflight: input.preflight ? JSON.stringify(input.preflight) : null,
          variantSet: input.variantSet ?? null,
          variant: input.variant ?? null,
          now: this.ctx.now(),
        },
      );
      return toVersionRecord(row!);
    });
  }

  /** A job's versions by size, image and version. */
  listVersions(jobId: string): OutputVersionRecord[] {
    return allRows<VersionRow>(this.ctx.db, 'SELECT * FROM output_versions WHERE job_id = :jobId ORDER BY target, image_index, version', { jobId }).map(toVersionRecord);
  }

  /** Notes which version an output file now holds. */
  setCurrent(jobId: string, target: string, imageIndex: number, version: number): void {
    run(this.ctx.db, 'UPDATE job_outputs SET version = :version WHERE job_id = :jobId AND target = :target AND image_index = :imageIndex', { jobId, target, imageIndex, version });
  }

  /** The version each output file of a job holds, by `target#imageIndex` (absent: the run's, never fixed). */
  currentVersions(jobId: string): Map<string, number> {
    const rows = allRows<{ target: string; image_index: number; version: number }>(
      this.ctx.db,
      'SELECT target, image_index, version FROM job_outputs WHERE job_id = :jobId AND version IS NOT NULL',
      { jobId },
    );
    return new Map(rows.map((row) => [`${row.target}#${row.image_index}`, row.version]));
  }
}
