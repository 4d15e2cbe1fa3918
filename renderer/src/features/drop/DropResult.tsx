import { BadgeCheck, CircleCheck } from 'lucide-react';
import { ErrorNote } from '../../ui/ErrorNote';
import { useDecideSizes } from '../approval/useApprovals';
import type { DropOutcome } from './useStartDrop';

/** What happened to the last drop: how many were queued, and each skipped file with its reason. */
export function DropResult({ outcome }: { outcome: DropOutcome }) {
  const decide = useDecideSizes();
  const approved = decide.data?.decided.filter((entry) => entry.sizes.length > 0).length;
  return (
    <div className="drop-result">
      {outcome.queued > 0 && (
        <p className="note note-success">
          <CircleCheck size={16} />
          <span>
            Queued {outcome.queued} image{outcome.queued === 1 ? '' : 's'}
            {outcome.reviewFirst ? ' for review: every size is made locally, nothing goes to fal until you approve' : ''}. <a href="#/queue">Follow them in the queue</a>.
          </span>
        </p>
      )}
      {outcome.reviewFirst && outcome.jobIds.length > 0 && (
        <div className="batch-approval">
          <button type="button" className="btn" disabled={decide.isPending} onClick={() => decide.mutate({ decision: 'approve', jobIds: outcome.jobIds })}>
            <BadgeCheck size={16} aria-hidden /> Approve the whole batch’s paid sizes
          </button>
          <span className="muted small"> Previews still being made are approved once they wait for you; open each job to approve size by size.</span>
          {approved !== undefined && <p className="muted small" role="status">Approved {approved} job{approved === 1 ? '' : 's'}; {decide.data!.refused.length} not waiting for approval yet.</p>}
          <ErrorNote error={decide.error} />
        </div>
      )}
      {outcome.skipped.length > 0 && (
        <ul className="skipped-list small">
          {outcome.skipped.map((entry, index) => (
            <li key={`${entry.name}-${index}`}>
              <strong>{entry.name}</strong>: {entry.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
