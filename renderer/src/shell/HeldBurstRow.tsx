import { Hand } from 'lucide-react';
import type { HeldWork } from '../../../electron/shared';
import { useBurstDecision } from '../features/spend/useHeldWork';
import { ErrorNote } from '../ui/ErrorNote';
import { formatCentsRange } from '../ui/format';

/** One held burst: how many files, from where, what they may cost, and the person's two choices. */
export function HeldBurstRow({ burst, folderName }: { burst: HeldWork['burst'][number]; folderName: string | null }) {
  const { release, discard } = useBurstDecision();
  const busy = release.isPending || discard.isPending;
  const files = `${burst.jobs} file${burst.jobs === 1 ? '' : 's'}`;
  const what = folderName === null ? `${files} you dropped` : `${files} from ${folderName}`;
  return (
    <div className="held-row" role="group" aria-label={`Held burst: ${what}`}>
      <Hand size={16} aria-hidden />
      <span className="held-text">
        <strong>{what}</strong> {burst.jobs === 1 ? 'is' : 'are'} waiting for your go-ahead ({formatCentsRange(burst.minCents, burst.maxCents)} at fal).
      </span>
      <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => release.mutate(burst.folderId)}>
        Go ahead
      </button>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => discard.mutate(burst.folderId)}>
        Discard
      </button>
      <ErrorNote error={release.error ?? discard.error} />
    </div>
  );
}
