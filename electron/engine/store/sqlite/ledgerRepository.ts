import type { LedgerBreakdown, LedgerEntry, LedgerKind, NewLedgerEntry, SpendRange } from '../spendTypes';
import { allRows, getRow, run, type SqlParams } from './sqlite';
import type { StoreContext } from './storeContext';
import { type LedgerRowRecord, toLedgerEntry } from '../ledgerRows';

/** SQL condition and parameters selecting `at` inside a range (the column is `at` of spend_ledger). */
function rangeCondition(range: SpendRange = {}): { sql: string; params: SqlParams } {
  return {
    sql: '(:since IS NULL OR at >= :since) AND (:until IS NULL OR at < :until)',
    params: { since: range.since ?? null, until: range.until ?? null },
  };
}

/** The spend ledger table: append-only rows, each request recorded once per kind (SQLite). */
export class SqliteLedgerRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Appends a row unless the same request (or, for a saving, the same job) is already recorded with this kind.
   * Returns true when a row was written. Call inside the transaction of the change it belongs to.
   */
  record(entry: NewLedgerEntry): boolean {
    if (!Number.isSafeInteger(entry.cents) || entry.cents < 0) throw new RangeError(`Ledger cents must be a whole number >= 0, got ${entry.cents}`);
    const result = run(
      this.ctx.db,
      `INSERT OR IGNORE INTO spend_ledger (at, kind, cents, job_id, request_row_id, request_id, source_name, profile_id,
         profile_version, profile_name, folder_id, folder_path, images, tiers)
       VALUES (:at, :kind, :cents, :jobId, :requestRowId, :requestId, :sourceName, :profileId, :profileVersion,
         :profileName, :folderId, :folderPath, :images, :tiers)`,
      { ...entry, at: this.ctx.now() },
    );
    return result.changes > 0;
  }

  /** Sum of one kind's cents in a range, optionally for one folder. */
  sum(kind: LedgerKind, range: SpendRange = {}, folderId?: string): number {
    const where = rangeCondition(range);
    const row = getRow<{ cents: number }>(
      this.ctx.db,
      `SELECT coalesce(sum(cents), 0) AS cents FROM spend_ledger
       WHERE kind = :kind AND ${where.sql} AND (:folderId IS NULL OR folder_id = :folderId)`,
      { ...where.params, kind, folderId: folderId ?? null },
    );
    return row?.cents ?? 0;
  }

  /** Rows newest first, after the row id `beforeId` (keyset paging), at most `limit`. */
  page(range: SpendRange, limit: number, beforeId?: number): LedgerEntry[] {
    const where = rangeCondition(range);
    return allRows<LedgerRowRecord>(
      this.ctx.db,
      `SELECT * FROM spend_ledger WHERE ${where.sql} AND (:beforeId IS NULL OR id < :beforeId)
       ORDER BY id DESC LIMIT :limit`,
      { ...where.params, beforeId: beforeId ?? null, limit },
    ).map(toLedgerEntry);
  }

  chargeCents(jobId: string): number | null {
    const row = getRow<{ cents: number | null }>(this.ctx.db, "SELECT sum(cents) AS cents FROM spend_ledger WHERE job_id = :jobId AND kind = 'charge'", { jobId });
    return row?.cents ?? null;
  }

  /** Every total is a SQL sum of ledger rows, so it equals the sum of the rows it stands for. */
  breakdown(range: SpendRange, mostExpensive: number): LedgerBreakdown {
    const where = rangeCondition(range);
    const charges = `kind = 'charge' AND ${where.sql}`;
    const db = this.ctx.db;
    const outputs = getRow<{ images: number }>(db, `SELECT coalesce(sum(images), 0) AS images FROM spend_ledger WHERE ${charges}`, where.params)?.images ?? 0;
    const byDay = allRows<{ day: string; cents: number }>(
      db,
      `SELECT date(at / 1000, 'unixepoch', 'localtime') AS day, sum(cents) AS cents FROM spend_ledger
       WHERE ${charges} GROUP BY day ORDER BY day`,
      where.params,
    ).map((row) => ({ day: row.day, cents: row.cents }));
    const byProfile = allRows<{ profile_id: string; name: string; cents: number }>(
      db,
      `SELECT profile_id, (SELECT l2.profile_name FROM spend_ledger l2 WHERE l2.profile_id = l.profile_id ORDER BY l2.id DESC LIMIT 1) AS name,
              sum(cents) AS cents
       FROM spend_ledger l WHERE ${charges} GROUP BY profile_id ORDER BY cents DESC, profile_id`,
      where.params,
    ).map((row) => ({ profileId: row.profile_id, name: row.name, cents: row.cents }));
    const byFolder = allRows<{ folder_id: string | null; folder_path: string | null; cents: number }>(
      db,
      `SELECT folder_id, max(folder_path) AS folder_path, sum(cents) AS cents FROM spend_ledger
       WHERE ${charges} GROUP BY folder_id ORDER BY cents DESC, folder_id`,
      where.params,
    ).map((row) => ({ folderId: row.folder_id, folderPath: row.folder_path, cents: row.cents }));
    const costliest = allRows<{ job_id: string; source_name: string; cents: number; at: number }>(
      db,
      `SELECT job_id, max(source_name) AS source_name, sum(cents) AS cents, max(at) AS at FROM spend_ledger
       WHERE ${charges} GROUP BY job_id ORDER BY cents DESC, at DESC LIMIT :mostExpensive`,
      { ...where.params, mostExpensive },
    ).map((row) => ({ jobId: row.job_id, sourceName: row.source_name, cents: row.cents, at: row.at }));
    return { outputs, byDay, byProfile, byFolder, mostExpensive: costliest };
  }

  /** Every row of a range, oldest first (CSV export). */
  all(range: SpendRange = {}): LedgerEntry[] {
    const where = rangeCondition(range);
    return allRows<LedgerRowRecord>(this.ctx.db, `SELECT * FROM spend_ledger WHERE ${where.sql} ORDER BY id`, where.params).map(toLedgerEntry);
  }

  /** The rows of one job, oldest first. */
  forJob(jobId: string): LedgerEntry[] {
    return allRows<LedgerRowRecord>(this.ctx.db, 'SELECT * FROM spend_ledger WHERE job_id = :jobId ORDER BY id', { jobId }).map(toLedgerEntry);
  }
}
