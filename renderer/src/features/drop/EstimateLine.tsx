import { CircleDollarSign } from 'lucide-react';
import type { ReactNode } from 'react';
import type { LocalOnlyReason } from '../../../../electron/domain/localOnlyReasons';
import type { DropQuote, Estimate } from '../../../../electron/shared';
import { formatCentsRange } from '../../ui/format';

/** Why everything runs locally, as the estimate says it in brackets. */
const LOCAL_ONLY_LABEL: Record<LocalOnlyReason, string> = {
  no_key: 'no fal key',
  provider_local: 'default provider set to local',
  forced_local: 'local-only run',
};

const images = (count: number, adjective = '') => `${count} ${adjective}image${count === 1 ? '' : 's'}`;

/** The cost range in words: free when every size runs locally (and why), else min – max for this many images. */
export function EstimateLine({ estimate, staged }: { estimate: Estimate | undefined; staged: number }) {
  if (!estimate) return <p className="muted">Estimating…</p>;
  return <CostLine cost={estimate} what={staged > 0 ? `for ${images(estimate.fileCount)}` : 'per image'} />;
}

/**
 * The engine's quote of staged files (estimate.paths or estimate.contents), as the drop's confirmation states it:
 * the new images only, and how many already made with the profile are left out (dedupe skips them, free).
 */
export function StagedQuoteLine({ quote }: { quote: DropQuote | null | undefined }) {
  if (quote === undefined) return <p className="muted">Estimating…</p>;
  if (quote === null) return null;
  const leftOut = quote.alreadyMade > 0 && <span className="muted" data-testid="staged-left-out"> · {quote.alreadyMade} already made with this profile, left out</span>;
  if (quote.images === 0) {
    return (
      <p className="estimate">
        <CircleDollarSign size={18} aria-hidden />
        <span><strong>Nothing to pay</strong> — {quote.alreadyMade === 1 ? 'this image was' : 'these images were'} already made with this profile; each is recorded as a copy.</span>
      </p>
    );
  }
  return <CostLine cost={quote} what={`for ${images(quote.images, quote.alreadyMade > 0 ? 'new ' : '')}`} after={leftOut} />;
}

/** One cost line: free with the reason when fal is not in use, free when every size is local, else the range. */
function CostLine({ cost, what, after }: { cost: Pick<Estimate, 'minCents' | 'maxCents' | 'localOnly'>; what: string; after?: ReactNode }) {
  return (
    <p className="estimate">
      <CircleDollarSign size={18} aria-hidden />
      {cost.localOnly ? (
        <span>
          <strong>Free - local engine ({LOCAL_ONLY_LABEL[cost.localOnly]})</strong>
          <span className="muted">
            {' '}
            Sizes set to fal are made on this machine and marked so.{' '}
            {cost.localOnly === 'no_key' && <a href="#/settings">Add a fal key in Settings</a>}
            {cost.localOnly === 'provider_local' && <a href="#/settings">Change the default provider</a>}
          </span>
        </span>
      ) : cost.maxCents === 0 ? (
        <span><strong>Free</strong> — every size runs on the local engine.</span>
      ) : (
        <span>
          <strong>{formatCentsRange(cost.minCents, cost.maxCents)}</strong> {what} at fal
          <span className="muted"> (the tier fal picks decides the final price)</span>
          {after}
        </span>
      )}
    </p>
  );
}
