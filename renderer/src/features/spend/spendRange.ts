/** The spans the Spend page can show. */
export const SPEND_RANGES = [
  { id: '30d', label: 'Last 30 days', days: 30 },
  { id: '90d', label: 'Last 90 days', days: 90 },
  { id: 'all', label: 'All time', days: null },
] as const;

export type SpendRangeId = (typeof SPEND_RANGES)[number]['id'];

/** A range as spend.summary, spend.ledger and spend.exportCsv take it. */
export interface SpendRange {
  since?: number;
}

/**
 * The range starting at local midnight `days - 1` days before `now` (today counts as one), or everything.
 * Midnight keeps the value stable all day, so it can sit in a query key without refetching on every render.
 */
export function spendRange(id: SpendRangeId, now = Date.now()): SpendRange {
  const days = SPEND_RANGES.find((range) => range.id === id)?.days ?? null;
  if (days === null) return {};
  const start = new Date(now);
  // setDate moves by calendar days, so a daylight-saving change inside the span does not shift midnight.
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() - (days - 1));
  return { since: start.getTime() };
}
