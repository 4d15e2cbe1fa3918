import type { JobStore, LedgerEntry, SpendRange } from '../../store';
import type { BudgetSettings } from '../budgetSettings';
import { jobEstimator, type ProfileVersionReader } from '../heldWork/jobEstimator';
import { localDayKey } from '../spendPeriods';
import { ledgerToCsv } from './ledgerCsv';
import { buildSpendSummary, type SpendSummaryData } from './spendSummary';

/** Work held in waiting_budget, as the API shows it. */
export interface HeldWork {
  readonly burst: Array<{ folderId: string | null; jobs: number; minCents: number; maxCents: number }>;
  readonly cap: { jobs: number; reason: string | null };
}

/** What the reports read. */
export interface SpendReportsDeps {
  readonly store: JobStore;
  readonly budget: () => BudgetSettings;
  readonly now: () => number;
  readonly folderPath: (folderId: string) => string | undefined;
  readonly profileVersion: ProfileVersionReader;
}

/** What the Spend page and the CLI show: the summary, the ledger page by page or as CSV, and the held work. */
export class SpendReports {
  constructor(private readonly deps: SpendReportsDeps) {}

  /** Today / week / month against the caps, and the range's totals and breakdowns. */
  async summary(range: SpendRange = {}): Promise<SpendSummaryData> {
    const { store } = this.deps;
    // Money still reserved for requests that ended unpaid is not in flight any more.
    await store.reservations.pruneStale();
    return buildSpendSummary(store, { caps: this.deps.budget(), now: this.deps.now(), folderPath: this.deps.folderPath }, range);
  }

  /** Ledger rows newest first; `cursor` is the previous page's `nextCursor`. */
  async page(range: SpendRange, limit: number, cursor?: string): Promise<{ rows: LedgerEntry[]; nextCursor: string | null }> {
    const beforeId = cursor === undefined ? undefined : Number.parseInt(cursor, 10);
    const rows = await this.deps.store.ledger.page(range, limit + 1, Number.isSafeInteger(beforeId) ? beforeId : undefined);
    const shown = rows.slice(0, limit);
    return { rows: shown, nextCursor: rows.length > limit ? String(shown.at(-1)!.id) : null };
  }

  /** The ledger of a range as CSV, with a file name naming the range. */
  async csv(range: SpendRange = {}): Promise<{ fileName: string; csv: string }> {
    const from = range.since === undefined ? 'all' : localDayKey(range.since);
    const to = localDayKey(range.until ?? this.deps.now());
    return { fileName: `smart-resize-spend-${from}-to-${to}.csv`, csv: ledgerToCsv(await this.deps.store.ledger.all(range)) };
  }

  /** Work waiting for budget: bursts per folder with their price range, and jobs over a cap. */
  async held(): Promise<HeldWork> {
    const burst = new Map<string | null, HeldWork['burst'][number]>();
    let capJobs = 0;
    let capReason: string | null = null;
    const estimate = jobEstimator(this.deps.profileVersion);
    for (const { job, burst: isBurst } of await this.deps.store.queue.heldForBudget()) {
      if (!isBurst) {
        capJobs += 1;
        capReason = job.stateReason ?? capReason;
        continue;
      }
      const entry = burst.get(job.folderId) ?? { folderId: job.folderId, jobs: 0, minCents: 0, maxCents: 0 };
      const range = estimate(job);
      burst.set(job.folderId, { ...entry, jobs: entry.jobs + 1, minCents: entry.minCents + range.minCents, maxCents: entry.maxCents + range.maxCents });
    }
    return { burst: [...burst.values()], cap: { jobs: capJobs, reason: capReason } };
  }
}
