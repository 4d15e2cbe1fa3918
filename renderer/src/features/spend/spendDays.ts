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

/**
 * Y-axis ticks in whole cents at a round step (1, 2, 2.5 or 5 times a power of ten: $0.25, $0.50, $1, $2.50…),
 * at most `count` steps above zero and reaching at least `maxCents`. Integers throughout, so each label is exact.
 */
export function centTicks(maxCents: number, count = 4): number[] {
  let step = 1;
  for (let power = 1; ; power *= 10) {
    const found = [1, 2, 2.5, 5].map((factor) => factor * power).find((candidate) => Number.isInteger(candidate) && candidate * count >= maxCents);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const steps = Math.max(1, Math.ceil(maxCents / step));
  return Array.from({ length: steps + 1 }, (_, index) => index * step);
}
