/** The budget's calendar periods, in the computer's local time (what "today" means to the person). */
export interface SpendPeriods {
  readonly dayStart: number;
  readonly weekStart: number;
  readonly monthStart: number;
}

/** Start of the local day, ISO week (Monday) and month that contain `now`. */
export function spendPeriods(now: number): SpendPeriods {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  const week = new Date(day);
  // getDay(): 0 is Sunday; the week starts on Monday.
  week.setDate(week.getDate() - ((week.getDay() + 6) % 7));
  const month = new Date(day);
  month.setDate(1);
  return { dayStart: day.getTime(), weekStart: week.getTime(), monthStart: month.getTime() };
}

/** "YYYY-MM-DD" of the local day containing `at`. */
export function localDayKey(at: number): string {
  const date = new Date(at);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
