import { BadgeCheck, Eye, X } from 'lucide-react';
import type { Job } from '../../../../electron/shared';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatCentsRange } from '../../ui/format';
import { Thumbnail } from '../../ui/Thumbnail';
import { BatchApproval } from './BatchApproval';
import { useApprovals, useDecideSizes, useOpenReviews } from './useApprovals';

/**
 * The Queue page's review-first work: each job awaiting approval with what its paid sizes would cost at fal and
 * Approve / Decline for the whole job (the job view decides size by size), and the whole batch at once, jobs still
 * making their previews included (BatchApproval). Same verbs as the job view.
 */
export function QueueApprovals({ activeJobs }: { activeJobs: readonly Job[] }) {
  const decide = useDecideSizes();
  // Keyed by the active jobs' states, which events keep live: any job moving refetches what the batch covers.
  const open = useOpenReviews(activeJobs.map((job) => `${job.id}:${job.state}`).join(','));
  const jobs = activeJobs.filter((job) => job.state === 'awaiting_approval');
  const previewing = open.data?.previewing.length ?? 0;
  if (jobs.length === 0 && previewing === 0) return null;
  return (
    <Card title={jobs.length > 0 ? `Awaiting your approval (${jobs.length})` : `Review first: ${previewing} still previewing`} className="queue-approvals">
      <p className="muted small">Every size of these was made locally (free). Nothing goes to fal until you approve; a declined job keeps its local previews.</p>
      <ErrorNote error={decide.error ?? open.error} />
      {jobs.length > 0 && (
        <ul className="job-list">
          {jobs.map((job) => (
            <AwaitingJobRow key={job.id} job={job} busy={decide.isPending} onDecide={(decision) => decide.mutate({ decision, jobIds: [job.id] })} />
          ))}
        </ul>
      )}
      {open.data && <BatchApproval reviews={open.data} />}
    </Card>
  );
}

/** One job awaiting approval: its paid sizes with fal's price, the total to send them, and the whole job's decision. */
function AwaitingJobRow({ job, busy, onDecide }: { job: Job; busy: boolean; onDecide: (decision: 'approve' | 'decline') => void }) {
  const approvals = useApprovals(job.id, job.state);
  const pending = approvals.data?.sizes.filter((size) => size.decision === 'pending') ?? [];
  const total = approvals.data?.pendingTotal;
  return (
    <li className="job-row" data-testid={`awaiting-${job.sourceName}`}>
      <Thumbnail path={job.sourcePath} maxSide={96} alt="" className="thumb-small" />
      <div className="job-main">
        <div className="job-title">
          <span className="job-name" title={job.sourcePath}>{job.sourceName}</span>
          <a className="small" href={`#/job?id=${job.id}`}>
            <Eye size={14} aria-hidden /> Review the previews
          </a>
        </div>
        <div className="job-meta muted">
          {pending.map((size) => (
            <span key={size.size} title={size.reason ?? undefined}>
              {size.size} {formatCentsRange(size.minCents, size.maxCents)}
            </span>
          ))}
          {total && pending.length > 0 && <span data-testid="quote-total">{formatCentsRange(total.minCents, total.maxCents)} with fal’s fee</span>}
        </div>
        <ErrorNote error={approvals.error} />
      </div>
      <div className="approval-actions">
        <button type="button" className="btn btn-primary btn-small" disabled={busy || pending.length === 0} onClick={() => onDecide('approve')}>
          <BadgeCheck size={14} aria-hidden /> Approve
        </button>
        <button type="button" className="btn btn-small" disabled={busy || pending.length === 0} onClick={() => onDecide('decline')}>
          <X size={14} aria-hidden /> Decline
        </button>
      </div>
    </li>
  );
}
