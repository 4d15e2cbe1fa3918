import type { SpendSummary } from '../../../../electron/shared';
import { ProgressBar } from '../../ui/ProgressBar';
import { formatCents } from '../../ui/format';

/** Past this share of a cap the meter turns amber, so a cap is seen coming before jobs start to wait. */
const NEAR_CAP = 0.8;

/** What one period (today, this week, this month) has spent, against its cap or saying there is none. */
export function CapMeter({ label, period }: { label: string; period: SpendSummary['today'] }) {
  const { spentCents, capCents } = period;
  // A zero cap means "spend nothing": it is reached from the start.
  const share = capCents === null ? 0 : capCents === 0 ? 1 : spentCents / capCents;
  const tone = capCents === null ? '' : share >= 1 ? 'cap-reached' : share >= NEAR_CAP ? 'cap-near' : '';
  return (
    <section className={`cap-meter ${tone}`} aria-label={label}>
      <h3 className="cap-label">{label}</h3>
      <div className="cap-amount">{formatCents(spentCents)}</div>
      {capCents === null ? (
        <p className="muted small">No cap</p>
      ) : (
        <>
          <ProgressBar value={share} label={`${label} against its cap`} />
          <p className="muted small">
            of {formatCents(capCents)} cap · {share >= 1 ? 'reached' : `${formatCents(capCents - spentCents)} left`}
          </p>
        </>
      )}
    </section>
  );
}
