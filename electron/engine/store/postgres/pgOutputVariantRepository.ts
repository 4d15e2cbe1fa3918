import type { OutputVariantRepository } from '../jobRepositories';
import type { NewOutputVariant, OutputVariantRecord } from '../types';
import { RECORD_VARIANT_SQL, toVariantRecord, variantParams, type VariantRow } from '../variantRows';
import type { PgContext } from './pgContext';
import { requireJob } from './pgJobRows';
import { pgRow, pgRows, pgRun } from './pgSql';

/** fal's variants of each size of a job, all kept, and which one each output file holds (PostgreSQL). */
export class PgOutputVariantRepository implements OutputVariantRepository {
  constructor(private readonly ctx: PgContext) {}

  /** Records a variant (again on a resumed run: its paths and facts are replaced, the choice is kept). */
  async recordVariant(input: NewOutputVariant): Promise<OutputVariantRecord> {
    await requireJob(this.ctx, input.jobId);
    return toVariantRecord((await pgRow<VariantRow>(this.ctx.client, RECORD_VARIANT_SQL, variantParams(input, this.ctx.now())))!);
  }

  /** A job's variants by size and variant. */
  async listVariants(jobId: string): Promise<OutputVariantRecord[]> {
    return (await pgRows<VariantRow>(this.ctx.client, 'SELECT * FROM output_variants WHERE job_id = :jobId ORDER BY target, variant', { jobId })).map(toVariantRecord);
  }

  /** Marks one variant of a size chosen (and the others not), with each one's spare path now; under a lock on the job. */
  async choose(jobId: string, target: string, variant: number, sparePaths: ReadonlyMap<number, string | null>): Promise<void> {
    await pgRow(this.ctx.client, 'SELECT id FROM jobs WHERE id = :jobId FOR UPDATE', { jobId });
    await pgRun(this.ctx.client, 'UPDATE output_variants SET chosen = 0 WHERE job_id = :jobId AND target = :target AND variant <> :variant', { jobId, target, variant });
    await pgRun(this.ctx.client, 'UPDATE output_variants SET chosen = 1 WHERE job_id = :jobId AND target = :target AND variant = :variant', { jobId, target, variant });
    for (const [index, sparePath] of sparePaths) {
      await pgRun(this.ctx.client, 'UPDATE output_variants SET spare_path = :sparePath WHERE job_id = :jobId AND target = :target AND variant = :index', { jobId, target, index, sparePath });
    }
  }
}
