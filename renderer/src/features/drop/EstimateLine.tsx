import { CircleDollarSign } from 'lucide-react';
import type { LocalOnlyReason } from '../../../../electron/domain/localOnlyReasons';
import type { Estimate } from '../../../../electron/shared';
import { formatCentsRange } from '../../ui/format';

/** Why everything runs locally, as the estimate says it in brackets. */
const LOCAL_ONLY_LABEL: Record<LocalOnlyReason, string> = {
  no_key: 'no fal key',
  provider_local: 'default provider set to local',
  forced_local: 'local-only run',
};

/** The cost range in words: free when every size runs locally (and why), else min – max for this many images. */
export function EstimateLine({ estimate, staged }: { estimate: Estimate | undefined; staged: number }) {
  if (!estimate) return <p className="muted">Estimating…</p>;
  const what = staged > 0 ? `for ${estimate.fileCount} image${estimate.fileCount === 1 ? '' : 's'}` : 'per image';
  return (
    <p className="estimate">
      <CircleDollarSign size={18} aria-hidden />
      {estimate.localOnly ? (
        <span>
          <strong>Free - local engine ({LOCAL_ONLY_LABEL[estimate.localOnly]})</strong>
          <span className="muted">
            {' '}
            Sizes set to fal are made on this machine and marked so.{' '}
            {estimate.localOnly === 'no_key' && <a href="#/settings">Add a fal key in Settings</a>}
            {estimate.localOnly === 'provider_local' && <a href="#/settings">Change the default provider</a>}
          </span>
        </span>
      ) : estimate.maxCents === 0 ? (
        <span><strong>Free</strong> — every size runs on the local engine.</span>
      ) : (
        <span>
          <strong>{formatCentsRange(estimate.minCents, estimate.maxCents)}</strong> {what} at fal
          <span className="muted"> (the tier fal picks decides the final price)</span>
        </span>
      )}
    </p>
  );
}
