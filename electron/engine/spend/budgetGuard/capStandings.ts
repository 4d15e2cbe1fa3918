import { formatCents } from '../../pricing';
import type { StoreRepositories } from '../../store';
import type { BudgetSettings } from '../budgetSettings';
import { spendPeriods } from '../spendPeriods';
import type { CapStanding } from './capCheck';

/** What the caps are read against. */
export interface CapSources {
  readonly budget: BudgetSettings;
  readonly now: number;
  /** For people: the folder named in a folder cap's label. */
  readonly folderLabel: (folderId: string) => string;
}

/**
 * Every cap that applies to a job of `folderId` (day, month, the folder's own) with its use so far, read from `store`
 * (the store, or an open transaction for a decision that writes). Reservations count toward every cap they fall
 * under, whatever day they were made: money in flight is not spent yet, so it is held against the caps of now.
 * Folder caps cover the calendar month.
 */
export async function capStandings(store: StoreRepositories, sources: CapSources, folderId: string | null): Promise<CapStanding[]> {
  const { budget, now } = sources;
  const periods = spendPeriods(now);
  const reserved = await store.reservations.total();
  const standings: CapStanding[] = [];
  if (budget.dailyCapCents !== null) {
    const spent = await store.ledger.sum('charge', { since: periods.dayStart });
    standings.push(standing(`Daily budget ${formatCents(budget.dailyCapCents)}`, budget.dailyCapCents, spent, reserved));
  }
  if (budget.monthlyCapCents !== null) {
    const spent = await store.ledger.sum('charge', { since: periods.monthStart });
    standings.push(standing(`Monthly budget ${formatCents(budget.monthlyCapCents)}`, budget.monthlyCapCents, spent, reserved));
  }
  const folderCap = folderId === null ? undefined : budget.folderCaps.find((cap) => cap.folderId === folderId);
  if (folderId !== null && folderCap) {
    const spent = await store.ledger.sum('charge', { since: periods.monthStart }, folderId);
    const label = `Monthly budget ${formatCents(folderCap.capCents)} of ${sources.folderLabel(folderId)}`;
    standings.push(standing(label, folderCap.capCents, spent, await store.reservations.total(folderId)));
  }
  return standings;
}

function standing(label: string, capCents: number, spentCents: number, reservedCents: number): CapStanding {
  return { label, capCents, spentCents, reservedCents, usedCents: spentCents + reservedCents };
}
