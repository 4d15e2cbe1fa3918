import { BadgeCheck, Eye, X } from 'lucide-react';
import type { Job } from '../../../../electron/shared';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatCentsRange } from '../../ui/format';
import { Thumbnail } from '../../ui/Thumbnail';
import { useApprovals, useDecideSizes } from './useApprovals';

/**
 * The Queue page's jobs awaiting approval: each with what its paid sizes would cost at fal and Approve / Decline
 * for the whole job (the job view decides size by size), and all of them at once. Same verbs as the job view.
 */
export function QueueApprovals({ jobs }: { jobs: Job[] }) {
  const decide = useDecideSizes();
  if (jobs.length === 0) return null;
  const jobIds = jobs.map((job) => job.id);
  return (
    <Card title={`Awaiting your approval (${jobs.length})`} className="queue-approvals">
      <p className="muted small">Every size of these was made locally (free). Nothing goes to fal until you approve; a declined job keeps its local previews.</p>
      <ErrorNote error={decide.error} />
      <ul className="job-list">
        {jobs.map((job) => (
          <AwaitingJobRow key={job.id} job={job} busy={decide.isPending} onDecide={(decision) => decide.mutate({ decision, jobIds: [job.id] })} />
        ))}
      </ul>
      {jobs.length > 1 && (
        <div className="approval-all">
          <button type="button" className="btn btn-primary" disabled={decide.isPending} onClick={() => decide.mutate({ decision: 'approve', jobIds })}>
            <BadgeCheck size={16} aria-hidden /> Approve all {jobs.length}
          </button>
          <button type="button" className="btn" disabled={decide.isPending} onClick={() => decide.mutate({ decision: 'decline', jobIds })}>
            Decline all: keep the local previews
          </button>
        </div>
      )}
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
