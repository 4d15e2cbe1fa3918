import type { OutputVersionRepository } from '../jobRepositories';
import type { NewOutputVersion, OutputVersionRecord } from '../types';
import type { PgContext } from './pgContext';
import { requireJob } from './pgJobRows';
import { pgRow, pgRows, pgRun } from './pgSql';
import { toVersionRecord, type VersionRow } from '../versionRows';

/** Every kept making of each output of a job, and which one each output file holds (PostgreSQL). */
export class PgOutputVersionRepository implements OutputVersionRepository {
  constructor(private readonly ctx: PgContext) {}

  /** Records the next version of one output (numbered after its last, under a lock on the job); answers it. */
  async addVersion(input: NewOutputVersion): Promise<OutputVersionRecord> {
    await requireJob(this.ctx, input.jobId);
    await pgRow(this.ctx.client, 'SELECT id FROM jobs WHERE id = :id FOR UPDATE', { id: input.jobId });
    const row = await pgRow<VersionRow>(
      this.ctx.client,
      `INSERT INTO output_versions (job_id, target, image_index, version, cause, provider, tier, layout, kept_path, width, height, bytes, format, preflight, created_at, variant_set, variant)
       VALUES (:jobId, :target, :imageIndex,
               (SELECT coalesce(max(version), 0) + 1 FROM output_versions WHERE job_id = :jobId AND target = :target AND image_index = :imageIndex),
               :cause, :provider, :tier, :layout, :keptPath, :width, :height, :bytes, :format, :preflight, :now, :variantSet, :variant)
       RETURNING *`,
      {
        jobId: input.jobId,
        target: input.target,
        imageIndex: input.imageIndex,
        cause: input.cause,
        provider: input.provider,
        tier: input.tier,
        keptPath: input.keptPath,
        width: input.width,
        height: input.height,
        bytes: input.bytes,
        format: input.format,
        layout: input.layout ? JSON.stringify(input.layout) : null,
        preflight: input.preflight ? JSON.stringify(input.preflight) : null,
        variantSet: input.variantSet ?? null,
        variant: input.variant ?? null,
        now: this.ctx.now(),
      },
    );
    return toVersionRecord(row!);
  }

  /** A job's versions by size, image and version. */
  async listVersions(jobId: string): Promise<OutputVersionRecord[]> {
    const rows = await pgRows<VersionRow>(this.ctx.client, 'SELECT * FROM output_versions WHERE job_id = :jobId ORDER BY target, image_index, version', { jobId });
    return rows.map(toVersionRecord);
  }

  /** Notes which version an output file now holds. */
  async setCurrent(jobId: string, target: string, imageIndex: number, version: number): Promise<void> {
    await pgRun(this.ctx.client, 'UPDATE job_outputs SET version = :version WHERE job_id = :jobId AND target = :target AND image_index = :imageIndex', {
      jobId,
      target,
      imageIndex,
      version,
    });
  }

  /** The version each output file of a job holds, by `target#imageIndex` (absent: the run's, never fixed). */
  async currentVersions(jobId: string): Promise<Map<string, number>> {
    const rows = await pgRows<{ target: string; image_index: number; version: number }>(
      this.ctx.client,
      'SELECT target, image_index, version FROM job_outputs WHERE job_id = :jobId AND version IS NOT NULL',
      { jobId },
    );
    return new Map(rows.map((row) => [`${row.target}#${row.image_index}`, row.version]));
  }
}
