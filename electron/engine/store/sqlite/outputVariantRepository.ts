import type { NewOutputVariant, OutputVariantRecord, VariantSpare } from '../types';
import { NOT_THIS_VARIANT, RECORD_VARIANT_SQL, THIS_VARIANT, toVariantRecord, variantParams, type VariantRow } from '../variantRows';
import { requireJob } from './jobRows';
import { allRows, getRow, run, withTransaction } from './sqlite';
import type { StoreContext } from './storeContext';

/** fal's variants of each size of a job, all kept, and which one each output file holds (SQLite; issue 14). */
export class SqliteOutputVariantRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Records a variant (again on a resumed run: its paths and facts are replaced, the choice is kept). */
  recordVariant(input: NewOutputVariant): OutputVariantRecord {
    return withTransaction(this.ctx, () => {
      requireJob(this.ctx, input.jobId);
      return toVariantRecord(getRow<VariantRow>(this.ctx.db, RECORD_VARIANT_SQL, variantParams(input, this.ctx.now()))!);
    });
  }

  /** A job's variants by size and variant. */
  listVariants(jobId: string): OutputVariantRecord[] {
    return allRows<VariantRow>(this.ctx.db, 'SELECT * FROM output_variants WHERE job_id = :jobId ORDER BY target, variant_set, variant', { jobId }).map(toVariantRecord);
  }

  /** Marks one variant of one set of a size chosen (every other of the size not), with the spare paths now. */
  choose(jobId: string, target: string, chosen: { variantSet: number; variant: number }, spares: readonly VariantSpare[]): void {
    withTransaction(this.ctx, () => {
      const at = { jobId, target, variantSet: chosen.variantSet, variant: chosen.variant };
      // The others first: the partial unique index allows one chosen variant per size at every statement.
      run(this.ctx.db, `UPDATE output_variants SET chosen = 0 WHERE ${NOT_THIS_VARIANT}`, at);
      run(this.ctx.db, `UPDATE output_variants SET chosen = 1 WHERE ${THIS_VARIANT}`, at);
      for (const spare of spares) {
        run(this.ctx.db, `UPDATE output_variants SET spare_path = :sparePath WHERE ${THIS_VARIANT}`, { jobId, target, variantSet: spare.variantSet, variant: spare.variant, sparePath: spare.sparePath });
      }
    });
  }
}
