import { SPEND_RANGES, type SpendRangeId } from './spendRange';

/** Which span the totals, chart and breakdowns cover (the cap meters always show today, week and month). */
export function SpendRangeSelect({ value, onChange }: { value: SpendRangeId; onChange: (id: SpendRangeId) => void }) {
  return (
    <select className="range-select" value={value} onChange={(event) => onChange(event.target.value as SpendRangeId)} aria-label="Period">
      {SPEND_RANGES.map((range) => (
        <option key={range.id} value={range.id}>
          {range.label}
        </option>
      ))}
    </select>
  );
}
