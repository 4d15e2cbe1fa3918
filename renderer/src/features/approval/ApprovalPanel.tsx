import { BadgeCheck, CircleDollarSign, X } from 'lucide-react';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatCents, formatCentsRange } from '../../ui/format';
import { useApprovals, useDecideSizes } from './useApprovals';

const DECISION_WORDS = { pending: 'Awaiting approval', approved: 'Approved', declined: 'Declined: the local preview stays' } as const;

/**
 * A review-first job's paid sizes: each with fal's price (exact, or a range with its reason) and Approve / Decline,
 * plus the whole job at once. Every size's preview is already in the grid, made locally for free; nothing is sent to
 * fal before an approval, and a declined size keeps its preview as the output.
 */
export function ApprovalPanel({ jobId, jobState }: { jobId: string; jobState: string }) {
  const approvals = useApprovals(jobId, jobState);
  const decide = useDecideSizes();
  const data = approvals.data;
  if (!data?.reviewFirst || data.sizes.length === 0) return null;
  const awaiting = jobState === 'awaiting_approval';
  const pending = data.sizes.filter((size) => size.decision === 'pending');
  const busy = decide.isPending;
  return (
    <Card title="Review first: paid sizes" className="approval-panel" actions={<CircleDollarSign size={18} aria-hidden />}>
      <p className="muted small">
        Every size below was made locally as a preview (free) and is shown in the grid. Nothing goes to fal until you approve it. Each approval sends one
        request to fal: its sizes plus fal’s {formatCents(data.feeCents)} fee per request.
      </p>
      <ErrorNote error={approvals.error ?? decide.error} />
      <table className="approval-table">
        <thead>
          <tr><th>Size</th><th>At fal</th><th>Status</th><th /></tr>
        </thead>
        <tbody>
          {data.sizes.map((size) => (
            <tr key={size.size} data-testid={`approval-${size.size}`}>
              <td><strong>{size.size}</strong></td>
              <td>
                <span data-testid="quote">{formatCentsRange(size.minCents, size.maxCents)}</span>
                {size.decision === 'pending' && <span className="muted small"> ({formatCentsRange(size.minCents + data.feeCents, size.maxCents + data.feeCents)} sent alone)</span>}
                {size.reason && <div className="muted small">{size.reason}</div>}
              </td>
              <td>{size.made ? 'Made by fal' : DECISION_WORDS[size.decision]}</td>
              <td className="approval-actions">
                {size.decision === 'pending' && awaiting && (
                  <>
                    <button type="button" className="btn btn-primary btn-small" disabled={busy} onClick={() => decide.mutate({ decision: 'approve', jobIds: [jobId], sizes: [size.size] })}>
                      <BadgeCheck size={14} aria-hidden /> Approve
                    </button>
                    <button type="button" className="btn btn-small" disabled={busy} onClick={() => decide.mutate({ decision: 'decline', jobIds: [jobId], sizes: [size.size] })}>
                      <X size={14} aria-hidden /> Decline
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {awaiting && pending.length > 1 && (
        <div className="approval-all">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => decide.mutate({ decision: 'approve', jobIds: [jobId] })}>
            <BadgeCheck size={16} aria-hidden /> Approve all {pending.length} · {formatCentsRange(data.pendingTotal.minCents, data.pendingTotal.maxCents)}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => decide.mutate({ decision: 'decline', jobIds: [jobId] })}>
            Decline all: keep the local previews
          </button>
        </div>
      )}
    </Card>
  );
}
