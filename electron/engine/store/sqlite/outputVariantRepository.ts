import type { NewOutputVariant, OutputVariantRecord } from '../types';
import { RECORD_VARIANT_SQL, toVariantRecord, variantParams, type VariantRow } from '../variantRows';
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
    return allRows<VariantRow>(this.ctx.db, 'SELECT * FROM output_variants WHERE job_id = :jobId ORDER BY target, variant', { jobId }).map(toVariantRecord);
  }

  /** Marks one variant of a size chosen (and the others not), with each one's spare path now. */
  choose(jobId: string, target: string, variant: number, sparePaths: ReadonlyMap<number, string | null>): void {
    withTransaction(this.ctx, () => {
      // The others first: the partial unique index allows one chosen variant per size at every statement.
      run(this.ctx.db, 'UPDATE output_variants SET chosen = 0 WHERE job_id = :jobId AND target = :target AND variant <> :variant', { jobId, target, variant });
      run(this.ctx.db, 'UPDATE output_variants SET chosen = 1 WHERE job_id = :jobId AND target = :target AND variant = :variant', { jobId, target, variant });
      for (const [index, sparePath] of sparePaths) {
        run(this.ctx.db, 'UPDATE output_variants SET spare_path = :sparePath WHERE job_id = :jobId AND target = :target AND variant = :index', { jobId, target, index, sparePath });
      }
    });
  }
}
