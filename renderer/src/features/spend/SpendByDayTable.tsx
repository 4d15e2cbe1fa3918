import { formatCents } from '../../ui/format';
import type { DayKey } from './spendDays';

/**
 * The chart's numbers as a table, hidden visually but read by screen readers (a chart alone says nothing to
 * them) and by tests, which check each day against the ledger to the cent. Quiet days are left out.
 */
export function SpendByDayTable({ days }: { days: Array<{ day: DayKey; cents: number }> }) {
  const spent = days.filter((entry) => entry.cents > 0);
  return (
    <table className="visually-hidden" aria-label="Spend by day, as a table">
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Spent</th>
        </tr>
      </thead>
      <tbody>
        {spent.map((entry) => (
          <tr key={entry.day} data-day={entry.day} data-cents={entry.cents}>
            <th scope="row">{entry.day}</th>
            <td>{formatCents(entry.cents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
