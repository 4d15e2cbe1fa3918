import { BadgeCheck } from 'lucide-react';
import type { VerbOutput } from '../../../../electron/shared';
import { ErrorNote } from '../../ui/ErrorNote';
import { approvalSummary } from './approvalSummary';
import { useDecideSizes } from './useApprovals';

/** The review-first jobs not decided yet, as approvals.open answers. */
export type OpenReviews = VerbOutput<'approvals.open'>;

/**
 * Approve or decline the whole review-first batch from the Queue page: the jobs awaiting approval and those still
 * making their previews, which are decided ahead (an approved one goes straight on to fal when its previews are
 * made, at its own quote and through the same budget and dedupe rules). Says what it covers before the click; a
 * job declined ahead on its own is left out of a batch approval, and images arriving later are not covered.
 */
export function BatchApproval({ reviews }: { reviews: OpenReviews }) {
  const decide = useDecideSizes();
  const undecided = reviews.previewing.filter((job) => job.ahead === null).length;
  const toApprove = [...reviews.awaiting, ...reviews.previewing.filter((job) => job.ahead !== 'declined').map((job) => job.jobId)];
  const toDecline = [...reviews.awaiting, ...reviews.previewing.map((job) => job.jobId)];
  // One job waiting and nothing previewing: its own row's Approve is the batch.
  if (toApprove.length === 0 || (toApprove.length === 1 && reviews.previewing.length === 0)) return null;
  const busy = decide.isPending;
  const result = decide.data;
  return (
    <div className="approval-all" data-testid="batch-approval">
      <p className="small" data-testid="batch-covers">
        {batchCoverage(reviews)}
      </p>
      {reviews.awaiting.length + undecided > 0 && (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => decide.mutate({ decision: 'approve', jobIds: toApprove })}>
          <BadgeCheck size={16} aria-hidden /> Approve the whole batch ({toApprove.length})
        </button>
      )}
      <button type="button" className="btn" disabled={busy} onClick={() => decide.mutate({ decision: 'decline', jobIds: toDecline })}>
        Decline the whole batch: keep the local previews
      </button>
      {result && decide.variables?.decision === 'approve' && (
        <p className="muted small" role="status">
          {approvalSummary(result.decided.filter((entry) => entry.sizes.length > 0).length, result.ahead.length, result.refused.length)}
        </p>
      )}
      <ErrorNote error={decide.error} />
    </div>
  );
}

/** What approving the whole batch covers, in words: "The whole batch: 1 waiting for you, 2 still making their previews. ..." */
function batchCoverage(reviews: OpenReviews): string {
  const undecided = reviews.previewing.filter((job) => job.ahead === null).length;
  const approvedAhead = reviews.previewing.filter((job) => job.ahead === 'approved').length;
  const parts = [
    reviews.awaiting.length > 0 && `${reviews.awaiting.length} waiting for you`,
    undecided > 0 && `${undecided} still making ${undecided === 1 ? 'its' : 'their'} previews`,
    approvedAhead > 0 && `${approvedAhead} approved ahead`,
  ].filter(Boolean);
  const ahead =
    undecided > 0
      ? ' Approving decides the ones still previewing ahead: each goes on to fal when its previews are made, at its own quote and within the budget.'
      : approvedAhead > 0
        ? ' Those approved ahead go on to fal when their previews are made, at their own quotes and within the budget.'
        : '';
  return `The whole batch: ${parts.join(', ')}.${ahead} Images added later are not covered.`;
}
