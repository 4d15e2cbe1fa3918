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
  /** Charged in the cap's period. */
  readonly spentCents: number;
  /** Reserved for requests in flight (admitted, not priced yet). */
  readonly reservedCents: number;
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
      ...use(ledger.sum('charge', { since: periods.dayStart }), reserved),
    });
  }
  if (budget.monthlyCapCents !== null) {
    standings.push({
      label: `Monthly budget ${formatCents(budget.monthlyCapCents)}`,
      capCents: budget.monthlyCapCents,
      ...use(ledger.sum('charge', { since: periods.monthStart }), reserved),
    });
  }
  const folderCap = folderId === null ? undefined : budget.folderCaps.find((cap) => cap.folderId === folderId);
  if (folderId !== null && folderCap) {
    standings.push({
      label: `Monthly budget ${formatCents(folderCap.capCents)} of ${sources.folderLabel(folderId)}`,
      capCents: folderCap.capCents,
      ...use(ledger.sum('charge', { since: periods.monthStart }, folderId), reservations.total(folderId)),
    });
  }
  return standings;
}

function use(spentCents: number, reservedCents: number) {
  return { spentCents, reservedCents, usedCents: spentCents + reservedCents };
}

/** A cap that holds a request: which one, and the reason shown on held jobs. */
export interface CapHold {
  readonly label: string;
  readonly reason: string;
}

/**
 * The first cap `cents` more would cross, with the reason shown on held jobs. It says what the cap is made of, so
 * a cap filled by money reserved for requests still at fal is not mistaken for money spent: "Daily budget $3.50
 * reached: $3.05 spent + $0.45 reserved for work in flight" (and, when some room is left, how much and what the
 * next request may cost).
 */
export function capCrossed(standings: readonly CapStanding[], cents: number): CapHold | undefined {
  const crossed = standings.find((standing) => standing.usedCents + cents > standing.capCents);
  if (!crossed) return undefined;
  const parts = [`${formatCents(crossed.spentCents)} spent`];
  if (crossed.reservedCents > 0) parts.push(`${formatCents(crossed.reservedCents)} reserved for work in flight`);
  const left = crossed.capCents - crossed.usedCents;
  const room = left > 0 ? `; ${formatCents(left)} left, the next request may cost up to ${formatCents(cents)}` : '';
  return { label: crossed.label, reason: `${crossed.label} reached: ${parts.join(' + ')}${room}` };
}

/** The least money left under any of the caps (Infinity with no caps). */
export function headroom(standings: readonly CapStanding[]): number {
  return standings.reduce((least, standing) => Math.min(least, standing.capCents - standing.usedCents), Infinity);
}
