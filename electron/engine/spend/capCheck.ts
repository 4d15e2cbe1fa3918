import { formatCents } from '../pricing';
import type { BudgetSettings } from './budgetSettings';
import type { Reservations } from './reservations';
import type { SpendLedger } from './spendLedger';
import { spendPeriods } from './spendPeriods';

/** One cap that applies to a job, with what counts against it now. */
export interface CapStanding {
  /** For people: "Daily budget $5.00". */
  readonly label: string;
  readonly capCents: number;
  /** Charged in the cap's period plus reserved for requests in flight. */
  readonly usedCents: number;
}

/** What the cap check reads. */
export interface CapSources {
  readonly ledger: SpendLedger;
  readonly reservations: Reservations;
  readonly budget: BudgetSettings;
  readonly now: number;
  readonly folderLabel: (folderId: string) => string;
}

/**
 * Every cap that applies to a job of `folderId` (day, month, the folder's own) with its use so far. Reservations
 * count toward every cap they fall under, whatever day they were made: money in flight is not spent yet, so it
 * is held against the caps of now. Folder caps cover the calendar month.
 */
export function capStandings(sources: CapSources, folderId: string | null): CapStanding[] {
  const { ledger, reservations, budget, now } = sources;
  const periods = spendPeriods(now);
  const reserved = reservations.total();
  const standings: CapStanding[] = [];
  if (budget.dailyCapCents !== null) {
    standings.push({
      label: `Daily budget ${formatCents(budget.dailyCapCents)}`,
      capCents: budget.dailyCapCents,
      usedCents: ledger.sum('charge', { since: periods.dayStart }) + reserved,
    });
  }
  if (budget.monthlyCapCents !== null) {
    standings.push({
      label: `Monthly budget ${formatCents(budget.monthlyCapCents)}`,
      capCents: budget.monthlyCapCents,
      usedCents: ledger.sum('charge', { since: periods.monthStart }) + reserved,
    });
  }
  const folderCap = folderId === null ? undefined : budget.folderCaps.find((cap) => cap.folderId === folderId);
  if (folderId !== null && folderCap) {
    standings.push({
      label: `Monthly budget ${formatCents(folderCap.capCents)} of ${sources.folderLabel(folderId)}`,
      capCents: folderCap.capCents,
      usedCents: ledger.sum('charge', { since: periods.monthStart }, folderId) + reservations.total(folderId),
    });
  }
  return standings;
}

/** The first cap `cents` more would cross, as the reason shown on held jobs ("Daily budget $5.00 reached"). */
export function capCrossed(standings: readonly CapStanding[], cents: number): string | undefined {
  const crossed = standings.find((standing) => standing.usedCents + cents > standing.capCents);
  return crossed && `${crossed.label} reached`;
}

/** The least money left under any of the caps (Infinity with no caps). */
export function headroom(standings: readonly CapStanding[]): number {
  return standings.reduce((least, standing) => Math.min(least, standing.capCents - standing.usedCents), Infinity);
}
