import type { OutputLayout } from '../../domain/outputLayout';
import type { Provider } from '../../domain/providers';
import type { PreflightResult } from '../../domain/placements';
import type { OutputVersionRecord, VersionCause } from './types';

/** A row of output_versions as both dialects return it (layout and preflight are JSON text in both). */
export interface VersionRow {
  id: number;
  job_id: string;
  target: string;
  image_index: number;
  version: number;
  cause: string;
  provider: string;
  tier: string | null;
  layout: string | null;
  kept_path: string;
  width: number;
  height: number;
  bytes: number;
  format: string | null;
  preflight: string | null;
  created_at: number;
  variant_set: number | null;
  variant: number | null;
}

/** The record of one output_versions row, the same in both dialects. */
export function toVersionRecord(row: VersionRow): OutputVersionRecord {
  return {
    id: row.id,
    jobId: row.job_id,
    target: row.target,
    imageIndex: row.image_index,
    version: row.version,
    cause: row.cause as VersionCause,
    provider: row.provider as Provider,
    tier: row.tier,
    layout: row.layout ? (JSON.parse(row.layout) as OutputLayout) : null,
    keptPath: row.kept_path,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    format: row.format,
    preflight: row.preflight ? (JSON.parse(row.preflight) as PreflightResult) : null,
    variantSet: row.variant_set,
    variant: row.variant,
    createdAt: row.created_at,
  };
}
