import type { SpendRange, StoreRepositories } from '../../store';
import { spendPeriods } from '../spendPeriods';

/** The caps a summary is compared with (null: none). */
interface SummaryCaps {
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

/** What the summary is built from besides the store. `folderPath` gives a watched folder's current path. */
export interface SummarySources {
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
export async function buildSpendSummary(store: StoreRepositories, sources: SummarySources, range: SpendRange = {}): Promise<SpendSummaryData> {
  const { ledger } = store;
  const periods = spendPeriods(sources.now);
  const totalCents = await ledger.sum('charge', range);
  const breakdown = await ledger.breakdown(range, MOST_EXPENSIVE);
  return {
    today: { spentCents: await ledger.sum('charge', { since: periods.dayStart }), capCents: sources.caps.dailyCapCents },
    week: { spentCents: await ledger.sum('charge', { since: periods.weekStart }), capCents: null },
    month: { spentCents: await ledger.sum('charge', { since: periods.monthStart }), capCents: sources.caps.monthlyCapCents },
    totalCents,
    // With submits whose request is not known yet (answer lost, or a crash before it was stored).
    mayBeBilledCents: (await ledger.sum('may_be_billed', range)) + (await store.submits.unknownSubmitCents(range)),
    reservedCents: await store.reservations.total(),
    savingsCents: await ledger.sum('saving', range),
    outputs: breakdown.outputs,
    centsPerOutput: breakdown.outputs === 0 ? null : Math.round(totalCents / breakdown.outputs),
    byDay: breakdown.byDay,
    byProfile: breakdown.byProfile,
    byFolder: breakdown.byFolder.map((row) => ({
      folderId: row.folderId,
      path: row.folderId === null ? null : (sources.folderPath(row.folderId) ?? row.folderPath),
      cents: row.cents,
    })),
    mostExpensive: breakdown.mostExpensive,
  };
}
