import type { OutputLayout } from '../../domain/outputLayout';
import type { PreflightResult } from '../../domain/placements';
import { requireJob } from './jobTransition';
import { allRows, getRow, run, withTransaction } from './sqlite';
import type { StoreContext } from './storeContext';

/** Why a version of an output exists: the job's run, a nudge of its frame, or a restore of an earlier one. */
export type VersionCause = 'run' | 'nudge' | 'restore';

/** One kept making of one output file (job, size, image). */
export interface OutputVersionRecord {
  readonly id: number;
  readonly jobId: string;
  readonly target: string;
  readonly imageIndex: number;
  readonly version: number;
  readonly cause: VersionCause;
  readonly layout: OutputLayout | null;
  /** The app's own copy of the bytes, in the data folder. */
  readonly keptPath: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly format: string | null;
  readonly preflight: PreflightResult | null;
  readonly createdAt: number;
}

/** A version as the fixer reports it; the store numbers and stamps it. */
export type NewOutputVersion = Omit<OutputVersionRecord, 'id' | 'version' | 'createdAt'>;

interface VersionRow {
  id: number;
  job_id: string;
  target: string;
  image_index: number;
  version: number;
  cause: string;
  layout: string | null;
  kept_path: string;
  width: number;
  height: number;
  bytes: number;
  format: string | null;
  preflight: string | null;
  created_at: number;
}

/** Every kept making of each output of a job, and which one each output file holds (issue 14). */
export class OutputVersionRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Records the next version of one output (numbered after its last); answers it. */
  addVersion(input: NewOutputVersion): OutputVersionRecord {
    return withTransaction(this.ctx.db, () => {
      requireJob(this.ctx, input.jobId);
      const row = getRow<VersionRow>(
        this.ctx.db,
        `INSERT INTO output_versions (job_id, target, image_index, version, cause, layout, kept_path, width, height, bytes, format, preflight, created_at)
         VALUES (:jobId, :target, :imageIndex,
                 (SELECT coalesce(max(version), 0) + 1 FROM output_versions WHERE job_id = :jobId AND target = :target AND image_index = :imageIndex),
                 :cause, :layout, :keptPath, :width, :height, :bytes, :format, :preflight, :now)
         RETURNING *`,
        {
          ...input,
          layout: input.layout ? JSON.stringify(input.layout) : null,
          preflight: input.preflight ? JSON.stringify(input.preflight) : null,
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

function toVersionRecord(row: VersionRow): OutputVersionRecord {
  return {
    id: row.id,
    jobId: row.job_id,
    target: row.target,
    imageIndex: row.image_index,
    version: row.version,
    cause: row.cause as VersionCause,
    layout: row.layout ? (JSON.parse(row.layout) as OutputLayout) : null,
    keptPath: row.kept_path,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    format: row.format,
    preflight: row.preflight ? (JSON.parse(row.preflight) as PreflightResult) : null,
    createdAt: row.created_at,
  };
}
