import { formatCents } from '../../ui/format';

/** One line of a breakdown. `title` is shown on hover (a full path behind a short name). */
export interface BreakdownItem {
  key: string;
  label: string;
  title?: string;
  cents: number;
}

/** Amounts by one dimension, largest first, each with a bar against the largest. */
export function BreakdownList({ label, items, empty }: { label: string; items: BreakdownItem[]; empty: string }) {
  if (items.length === 0) return <p className="muted small">{empty}</p>;
  const sorted = [...items].sort((a, b) => b.cents - a.cents);
  const largest = Math.max(1, sorted[0]!.cents);
  return (
    <ul className="breakdown" aria-label={label}>
      {sorted.map((item) => (
        <li key={item.key} data-cents={item.cents}>
          <span className="breakdown-label" title={item.title ?? item.label}>{item.label}</span>
          <span className="breakdown-amount">{formatCents(item.cents)}</span>
          <span className="breakdown-bar" aria-hidden>
            <span style={{ width: `${(item.cents / largest) * 100}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}
