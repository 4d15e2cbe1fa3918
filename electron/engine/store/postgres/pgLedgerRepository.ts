import type { LedgerRepository } from '../spendRepositories';
import type { LedgerBreakdown, LedgerEntry, LedgerKind, NewLedgerEntry, SpendRange } from '../spendTypes';
import type { PgContext } from './pgContext';
import { pgRow, pgRows, pgRun, type PgParams } from './pgSql';
import { type LedgerRowRecord, toLedgerEntry } from '../ledgerRows';

function rangeCondition(range: SpendRange = {}): { sql: string; params: PgParams } {
  return {
    sql: '(:since::bigint IS NULL OR at >= :since) AND (:until::bigint IS NULL OR at < :until)',
    params: { since: range.since ?? null, until: range.until ?? null },
  };
}

/** The team's one spend ledger: append-only rows, each request recorded once per kind (PostgreSQL). */
export class PgLedgerRepository implements LedgerRepository {
  constructor(private readonly ctx: PgContext) {}

  async record(entry: NewLedgerEntry): Promise<boolean> {
    if (!Number.isSafeInteger(entry.cents) || entry.cents < 0) throw new RangeError(`Ledger cents must be a whole number >= 0, got ${entry.cents}`);
    const changed = await pgRun(
      this.ctx.client,
      `INSERT INTO spend_ledger (at, kind, cents, job_id, request_row_id, request_id, source_name, profile_id,
         profile_version, profile_name, folder_id, folder_path, images, tiers, recorded_by)
       VALUES (:at, :kind, :cents, :jobId, :requestRowId, :requestId, :sourceName, :profileId, :profileVersion,
         :profileName, :folderId, :folderPath, :images, :tiers, :me)
       ON CONFLICT DO NOTHING`,
      {
        at: this.ctx.now(),
        kind: entry.kind,
        cents: entry.cents,
        jobId: entry.jobId,
        requestRowId: entry.requestRowId,
        requestId: entry.requestId,
        sourceName: entry.sourceName,
        profileId: entry.profileId,
        profileVersion: entry.profileVersion,
        profileName: entry.profileName,
        folderId: entry.folderId,
        folderPath: entry.folderPath,
        images: entry.images,
        tiers: entry.tiers,
        me: this.ctx.instance,
      },
    );
    return changed > 0;
  }

  async sum(kind: LedgerKind, range: SpendRange = {}, folderId?: string): Promise<number> {
    const where = rangeCondition(range);
    const row = await pgRow<{ cents: number }>(
      this.ctx.client,
      `SELECT coalesce(sum(cents), 0) AS cents FROM spend_ledger
       WHERE kind = :kind AND ${where.sql} AND (:folderId::text IS NULL OR folder_id = :folderId)`,
      { ...where.params, kind, folderId: folderId ?? null },
    );
    return row?.cents ?? 0;
  }

  async page(range: SpendRange, limit: number, beforeId?: number): Promise<LedgerEntry[]> {
    const where = rangeCondition(range);
    const rows = await pgRows<LedgerRowRecord>(
      this.ctx.client,
      `SELECT * FROM spend_ledger WHERE ${where.sql} AND (:beforeId::bigint IS NULL OR id < :beforeId) ORDER BY id DESC LIMIT :limit`,
      { ...where.params, beforeId: beforeId ?? null, limit },
    );
    return rows.map(toLedgerEntry);
  }

  async chargeCents(jobId: string): Promise<number | null> {
    const row = await pgRow<{ cents: number | null }>(this.ctx.client, "SELECT sum(cents) AS cents FROM spend_ledger WHERE job_id = :jobId AND kind = 'charge'", { jobId });
    return row?.cents ?? null;
  }

  /** As SQLite's: every figure is a SQL sum of ledger rows. Days are the session's time zone (the engine's own). */
  async breakdown(range: SpendRange, mostExpensive: number): Promise<LedgerBreakdown> {
    const where = rangeCondition(range);
    const charges = `kind = 'charge' AND ${where.sql}`;
    const c = this.ctx.client;
    const outputs = (await pgRow<{ images: number }>(c, `SELECT coalesce(sum(images), 0) AS images FROM spend_ledger WHERE ${charges}`, where.params))?.images ?? 0;
    const byDay = await pgRows<{ day: string; cents: number }>(
      c,
      `SELECT to_char(to_timestamp(at / 1000.0), 'YYYY-MM-DD') AS day, sum(cents) AS cents FROM spend_ledger
       WHERE ${charges} GROUP BY day ORDER BY day`,
      where.params,
    );
    const byProfile = await pgRows<{ profile_id: string; name: string; cents: number }>(
      c,
      `SELECT profile_id, (SELECT l2.profile_name FROM spend_ledger l2 WHERE l2.profile_id = l.profile_id ORDER BY l2.id DESC LIMIT 1) AS name,
              sum(cents) AS cents
       FROM spend_ledger l WHERE ${charges} GROUP BY profile_id ORDER BY cents DESC, profile_id`,
      where.params,
    );
    const byFolder = await pgRows<{ folder_id: string | null; folder_path: string | null; cents: number }>(
      c,
      `SELECT folder_id, max(folder_path) AS folder_path, sum(cents) AS cents FROM spend_ledger
       WHERE ${charges} GROUP BY folder_id ORDER BY cents DESC, folder_id NULLS FIRST`,
      where.params,
    );
    const costliest = await pgRows<{ job_id: string; source_name: string; cents: number; at: number }>(
      c,
      `SELECT job_id, max(source_name) AS source_name, sum(cents) AS cents, max(at) AS at FROM spend_ledger
       WHERE ${charges} GROUP BY job_id ORDER BY cents DESC, at DESC LIMIT :mostExpensive`,
      { ...where.params, mostExpensive },
    );
    return {
      outputs,
      byDay: byDay.map((row) => ({ day: row.day, cents: row.cents })),
      byProfile: byProfile.map((row) => ({ profileId: row.profile_id, name: row.name, cents: row.cents })),
      byFolder: byFolder.map((row) => ({ folderId: row.folder_id, folderPath: row.folder_path, cents: row.cents })),
      mostExpensive: costliest.map((row) => ({ jobId: row.job_id, sourceName: row.source_name, cents: row.cents, at: row.at })),
    };
  }

  async all(range: SpendRange = {}): Promise<LedgerEntry[]> {
    const where = rangeCondition(range);
    return (await pgRows<LedgerRowRecord>(this.ctx.client, `SELECT * FROM spend_ledger WHERE ${where.sql} ORDER BY id`, where.params)).map(toLedgerEntry);
  }

  async forJob(jobId: string): Promise<LedgerEntry[]> {
    return (await pgRows<LedgerRowRecord>(this.ctx.client, 'SELECT * FROM spend_ledger WHERE job_id = :jobId ORDER BY id', { jobId })).map(toLedgerEntry);
  }
}
