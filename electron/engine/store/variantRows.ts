import type { PreflightResult } from '../../domain/placements';
import type { NewOutputVariant, OutputVariantRecord } from './types';

/** A row of output_variants as both dialects return it (`chosen` is 0 or 1 in both). */
export interface VariantRow {
  job_id: string;
  target: string;
  variant_set: number;
  variant: number;
  kept_path: string;
  spare_path: string | null;
  width: number;
  height: number;
  bytes: number;
  format: string | null;
  tier: string | null;
  preflight: string | null;
  chosen: number;
  created_at: number;
}

/**
 * The one upsert both dialects run: a variant recorded again (a resumed run writes its files again) takes its new
 * paths and facts but keeps whether it is chosen.
 */
export const RECORD_VARIANT_SQL = `
  INSERT INTO output_variants (job_id, target, variant_set, variant, kept_path, spare_path, width, height, bytes, format, tier, preflight, chosen, created_at)
  VALUES (:jobId, :target, :variantSet, :variant, :keptPath, :sparePath, :width, :height, :bytes, :format, :tier, :preflight, :chosen, :now)
  ON CONFLICT (job_id, target, variant_set, variant) DO UPDATE SET
    kept_path = excluded.kept_path, spare_path = excluded.spare_path, width = excluded.width, height = excluded.height,
    bytes = excluded.bytes, format = excluded.format, tier = excluded.tier, preflight = excluded.preflight
  RETURNING *`;

/** One variant of a size (`:jobId`, `:target`, `:variantSet`, `:variant`), and every other of that size, in any set. */
export const THIS_VARIANT = 'job_id = :jobId AND target = :target AND variant_set = :variantSet AND variant = :variant';
export const NOT_THIS_VARIANT = 'job_id = :jobId AND target = :target AND NOT (variant_set = :variantSet AND variant = :variant)';

/** The parameters of RECORD_VARIANT_SQL. */
export function variantParams(input: NewOutputVariant, now: number): Record<string, string | number | null> {
  return {
    jobId: input.jobId,
    target: input.target,
    variantSet: input.variantSet,
    variant: input.variant,
    keptPath: input.keptPath,
    sparePath: input.sparePath,
    width: input.width,
    height: input.height,
    bytes: input.bytes,
    format: input.format,
    tier: input.tier,
    preflight: input.preflight ? JSON.stringify(input.preflight) : null,
    chosen: input.chosen ? 1 : 0,
    now,
  };
}

/** A row as the record the engine reads. */
export function toVariantRecord(row: VariantRow): OutputVariantRecord {
  return {
    jobId: row.job_id,
    target: row.target,
    variantSet: row.variant_set,
    variant: row.variant,
    keptPath: row.kept_path,
    sparePath: row.spare_path,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    format: row.format,
    tier: row.tier,
    preflight: row.preflight ? (JSON.parse(row.preflight) as PreflightResult) : null,
    chosen: row.chosen === 1,
    createdAt: row.created_at,
  };
}
