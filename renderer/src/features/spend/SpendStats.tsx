import type { SpendSummary } from '../../../../electron/shared';
import { formatCents } from '../../ui/format';

/** The range's headline numbers: spent, outputs, cost per output, and money reserved for requests in flight. */
export function SpendStats({ summary, rangeLabel }: { summary: SpendSummary; rangeLabel: string }) {
  return (
    <dl className="stat-tiles" aria-label="Spend totals">
      <div>
        <dt>Spent · {rangeLabel}</dt>
        <dd data-testid="spend-total">{formatCents(summary.totalCents)}</dd>
      </div>
      <div>
        <dt>Outputs from fal</dt>
        <dd data-testid="spend-outputs">{summary.outputs.toLocaleString()}</dd>
      </div>
      <div>
        <dt>Per output</dt>
        <dd data-testid="spend-per-output">{summary.centsPerOutput === null ? '—' : formatCents(summary.centsPerOutput)}</dd>
      </div>
      <div title="The most the requests at fal right now can cost; settled to the exact price when their results arrive.">
        <dt>In flight</dt>
        <dd data-testid="spend-reserved">{formatCents(summary.reservedCents)}</dd>
      </div>
    </dl>
  );
}
