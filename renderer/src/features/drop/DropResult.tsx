import { BadgeCheck, CircleCheck } from 'lucide-react';
import { ErrorNote } from '../../ui/ErrorNote';
import { approvalSummary } from '../approval/approvalSummary';
import { useDecideSizes } from '../approval/useApprovals';
import { useActiveJobs } from '../queue/useQueue';
import type { DropOutcome } from './useStartDrop';

/** What happened to the last drop: how many were queued, and each skipped file with its reason. */
export function DropResult({ outcome }: { outcome: DropOutcome }) {
  const decide = useDecideSizes();
  const approved = decide.data?.decided.filter((entry) => entry.sizes.length > 0).length;
  // The batch's jobs not finished: those awaiting approval now and those still making their previews (approved ahead).
  const batch = new Set(outcome.jobIds);
  const open = useActiveJobs().data?.filter((job) => batch.has(job.id)) ?? [];
  const previewing = open.filter((job) => job.state !== 'awaiting_approval').length;
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
          <button type="button" className="btn" disabled={decide.isPending || decide.isSuccess || open.length === 0} onClick={() => decide.mutate({ decision: 'approve', jobIds: open.map((job) => job.id) })}>
            <BadgeCheck size={16} aria-hidden /> Approve all {open.length}
            {previewing > 0 ? `, ${previewing} still previewing` : ''}
          </button>
          <span className="muted small"> Jobs still previewing go straight on to fal when their previews are made; open each job to approve size by size.</span>
          {decide.data && (
            <p className="muted small" role="status">
              {approvalSummary(approved ?? 0, decide.data.ahead.length, decide.data.refused.length)}
            </p>
          )}
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
