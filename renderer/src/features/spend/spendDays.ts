/** A calendar day as the ledger names it, `YYYY-MM-DD`. */
export type DayKey = string;

const DAY_MS = 86_400_000;

/** The local calendar day of a timestamp, as the engine keys its days. */
export function localDayKey(timestamp: number): DayKey {
  const date = new Date(timestamp);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day after `day`. Calendar arithmetic in UTC, where every day has 24 hours (no DST jumps). */
function nextDay(day: DayKey): DayKey {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * Every day from `from` to `to` (inclusive) with its cents, zero where the ledger has no row, so the chart's
 * x-axis is even and a quiet day shows as a gap instead of vanishing. Days outside the span are kept too.
 */
export function fillDays(byDay: ReadonlyArray<{ day: DayKey; cents: number }>, from: DayKey, to: DayKey): Array<{ day: DayKey; cents: number }> {
  const known = new Map(byDay.map((entry) => [entry.day, entry.cents]));
  const first = byDay.reduce((min, entry) => (entry.day < min ? entry.day : min), from);
  const last = byDay.reduce((max, entry) => (entry.day > max ? entry.day : max), to);
  const days: Array<{ day: DayKey; cents: number }> = [];
  for (let day = first; day <= last; day = nextDay(day)) days.push({ day, cents: known.get(day) ?? 0 });
  return days;
}
