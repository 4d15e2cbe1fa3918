import type { OutputVariantRepository } from '../jobRepositories';
import type { NewOutputVariant, OutputVariantRecord, VariantSpare } from '../types';
import { NOT_THIS_VARIANT, RECORD_VARIANT_SQL, THIS_VARIANT, toVariantRecord, variantParams, type VariantRow } from '../variantRows';
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
    return (await pgRows<VariantRow>(this.ctx.client, 'SELECT * FROM output_variants WHERE job_id = :jobId ORDER BY target, variant_set, variant', { jobId })).map(toVariantRecord);
  }

  /** Marks one variant of one set of a size chosen (every other of the size not), with the spare paths now; under a lock on the job. */
  async choose(jobId: string, target: string, chosen: { variantSet: number; variant: number }, spares: readonly VariantSpare[]): Promise<void> {
    await pgRow(this.ctx.client, 'SELECT id FROM jobs WHERE id = :jobId FOR UPDATE', { jobId });
    const at = { jobId, target, variantSet: chosen.variantSet, variant: chosen.variant };
    await pgRun(this.ctx.client, `UPDATE output_variants SET chosen = 0 WHERE ${NOT_THIS_VARIANT}`, at);
    await pgRun(this.ctx.client, `UPDATE output_variants SET chosen = 1 WHERE ${THIS_VARIANT}`, at);
    for (const spare of spares) {
      await pgRun(this.ctx.client, `UPDATE output_variants SET spare_path = :sparePath WHERE ${THIS_VARIANT}`, { jobId, target, variantSet: spare.variantSet, variant: spare.variant, sparePath: spare.sparePath });
    }
  }
}
