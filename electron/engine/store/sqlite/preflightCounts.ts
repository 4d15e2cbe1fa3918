import type { PreflightCounts } from '../../../domain/placements';
import type { PreflightCountFilter } from '../jobRepositories';
import { allRows, type SqlDatabase } from './sqlite';

/**
 * How the recorded outputs did in preflight as written (each output's current file, so a retry's rewrite counts
 * once): pass / warn / fail, and `unchecked` for outputs written before preflight existed.
 */
export function countOutputPreflight(db: SqlDatabase, filter: PreflightCountFilter = {}): PreflightCounts {
  const rows = allRows<{ status: string | null; n: number }>(
    db,
    `SELECT o.preflight_status AS status, count(*) AS n
       FROM job_outputs o JOIN jobs j ON j.id = o.job_id
      WHERE (:folderId IS NULL OR j.folder_id = :folderId)
        AND (:since IS NULL OR o.written_at >= :since)
        AND (:until IS NULL OR o.written_at < :until)
      GROUP BY o.preflight_status`,
    { folderId: filter.folderId ?? null, since: filter.since ?? null, until: filter.until ?? null },
  );
  const counts = { pass: 0, warn: 0, fail: 0, unchecked: 0 };
  for (const row of rows) {
    const key = row.status === 'pass' || row.status === 'warn' || row.status === 'fail' ? row.status : 'unchecked';
    counts[key] += row.n;
  }
  return counts;
}
