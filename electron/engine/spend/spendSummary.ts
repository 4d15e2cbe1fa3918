import { allRows, type SqlDatabase } from '../store/sqlite';
import type { SpendRange } from './ledgerTypes';
import { rangeCondition, type SpendLedger } from './spendLedger';
import { spendPeriods } from './spendPeriods';

/** The caps a summary is compared with (null: none). */
export interface SummaryCaps {
  readonly dailyCapCents: number | null;
  readonly monthlyCapCents: number | null;
}

/** Spend figures in integer cents; every total is a SQL sum of ledger rows, so it equals the sum of its rows. */
export interface SpendSummaryData {
  readonly today: { spentCents: number; capCents: number | null };
  readonly week: { spentCents: number; capCents: number | null };
  readonly month: { spentCents: number; capCents: number | null };
  readonly totalCents: number;
  readonly mayBeBilledCents: number;
  readonly reservedCents: number;
  readonly savingsCents: number;
  readonly outputs: number;
  readonly centsPerOutput: number | null;
  readonly byDay: Array<{ day: string; cents: number }>;
  readonly byProfile: Array<{ profileId: string; name: string; cents: number }>;
  readonly byFolder: Array<{ folderId: string | null; path: string | null; cents: number }>;
  readonly mostExpensive: Array<{ jobId: string; sourceName: string; cents: number; at: number }>;
}

/** What the summary reads. `folderPath` gives a watched folder's current path (the ledger's copy otherwise). */
export interface SummarySources {
  readonly db: SqlDatabase;
  readonly ledger: SpendLedger;
  readonly reservedCents: number;
  /** What fal may bill for submits whose request is not known yet (answer lost, or a crash before it was stored). */
  readonly unknownSubmitCents: number;
  readonly caps: SummaryCaps;
  readonly now: number;
  readonly folderPath: (folderId: string) => string | undefined;
}

const MOST_EXPENSIVE = 10;

/**
 * Today / this week / this month (local calendar) against the caps, plus the range's totals and breakdowns of
 * charges. may-be-billed (with submits whose request is not known yet) and savings are summed apart and never enter
 * `totalCents`.
 */
export function buildSpendSummary(sources: SummarySources, range: SpendRange = {}): SpendSummaryData {
  const { db, ledger, caps, now } = sources;
  const periods = spendPeriods(now);
  const where = rangeCondition(range);
  const charges = `kind = 'charge' AND ${where.sql}`;
  const totalCents = ledger.sum('charge', range);
  const outputs = allRows<{ images: number }>(db, `SELECT coalesce(sum(images), 0) AS images FROM spend_ledger WHERE ${charges}`, where.params)[0]?.images ?? 0;
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
  ).map((row) => ({
    folderId: row.folder_id,
    path: row.folder_id === null ? null : (sources.folderPath(row.folder_id) ?? row.folder_path),
    cents: row.cents,
  }));
  const mostExpensive = allRows<{ job_id: string; source_name: string; cents: number; at: number }>(
    db,
    `SELECT job_id, max(source_name) AS source_name, sum(cents) AS cents, max(at) AS at FROM spend_ledger
     WHERE ${charges} GROUP BY job_id ORDER BY cents DESC, at DESC LIMIT ${MOST_EXPENSIVE}`,
    where.params,
  ).map((row) => ({ jobId: row.job_id, sourceName: row.source_name, cents: row.cents, at: row.at }));
  return {
    today: { spentCents: ledger.sum('charge', { since: periods.dayStart }), capCents: caps.dailyCapCents },
    week: { spentCents: ledger.sum('charge', { since: periods.weekStart }), capCents: null },
    month: { spentCents: ledger.sum('charge', { since: periods.monthStart }), capCents: caps.monthlyCapCents },
    totalCents,
    mayBeBilledCents: ledger.sum('may_be_billed', range) + sources.unknownSubmitCents,
    reservedCents: sources.reservedCents,
    savingsCents: ledger.sum('saving', range),
    outputs,
    centsPerOutput: outputs === 0 ? null : Math.round(totalCents / outputs),
    byDay,
    byProfile,
    byFolder,
    mostExpensive,
  };
}
