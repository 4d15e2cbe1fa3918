import { Sparkles } from 'lucide-react';
import type { JobOutput } from '../../../../electron/shared';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatCents, formatCentsRange } from '../../ui/format';
import { useFalRerun } from './useFalRerun';

interface Props {
  jobId: string;
  output: JobOutput;
  /** Another fix of this size is under way. */
  busy: boolean;
}

/**
 * "Re-run at fal · $0.20": makes this one size again at fal, its price shown before (the pricing module's, what the
 * ledger records), one request for it alone; the other sizes and their charges stay. Disabled with the reason when
 * it cannot go now (no key, the budget would refuse it, the job is not done). The earlier making stays in Versions.
 */
export function FalRerun({ jobId, output, busy }: Props) {
  const { offer, rerun } = useFalRerun(jobId, output.path);
  const quote = offer.data?.quote ?? null;
  const reason = offer.data?.reason ?? null;
  const price = quote ? formatCentsRange(quote.minCents, quote.maxCents) : null;
  const label = `Re-run at fal${price ? ` · ${price}` : ''}`;
  return (
    <section aria-label="Re-run at fal" className="fal-rerun">
      <h3 className="section-title">fal</h3>
      <button type="button" className="btn btn-small" disabled={!offer.data || reason !== null || busy || rerun.isPending} title={reason ?? undefined} onClick={() => rerun.mutate()}>
        <Sparkles size={14} aria-hidden /> {label}
      </button>
      {reason && <p className="muted small">{reason}</p>}
      {!reason && quote && (
        <p className="muted small">
          One request for this size alone: {quote.images} image{quote.images === 1 ? '' : 's'} and fal’s {formatCents(quote.visionFeeCents)} request fee. The other sizes and their charges stay as they are.
        </p>
      )}
      {!reason && quote?.reason && (
        <p className="muted small" data-testid="quote-reason">
          {quote.reason}.
        </p>
      )}
      {rerun.isPending && (
        <p className="muted small" role="status">
          Waiting for fal…
        </p>
      )}
      {rerun.data && !rerun.isPending && (
        <p className="small" role="status">
          Made again at fal for {formatCents(rerun.data.costCents)}: version {rerun.data.version}.
        </p>
      )}
      <ErrorNote error={rerun.error ?? offer.error} />
    </section>
  );
}
