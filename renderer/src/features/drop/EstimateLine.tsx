import { CircleDollarSign } from 'lucide-react';
import type { Estimate } from '../../../../electron/shared';
import { formatCentsRange } from '../../ui/format';

/** The cost range in words: free when every size runs locally, else min – max for this many images. */
export function EstimateLine({ estimate, staged }: { estimate: Estimate | undefined; staged: number }) {
  if (!estimate) return <p className="muted">Estimating…</p>;
  const what = staged > 0 ? `for ${estimate.fileCount} image${estimate.fileCount === 1 ? '' : 's'}` : 'per image';
  return (
    <p className="estimate">
      <CircleDollarSign size={18} aria-hidden />
      {estimate.maxCents === 0 ? (
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
