import { FolderOpen, LayoutGrid, RotateCcw, X } from 'lucide-react';
import type { JobDetail } from '../../../../electron/shared';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatDateTime } from '../../ui/format';
import { JobStateBadge, jobStateLabel } from '../../ui/JobStateBadge';
import { Thumbnail } from '../../ui/Thumbnail';
import { JobFacts } from './JobFacts';
import { DetailOutputs } from '../review/DetailOutputs';
import { jobViewLink } from '../../shell/routes';
import { SkippedCopyNote } from './SkippedCopyNote';
import { useJobActions, useJobDetail } from './useJobHistory';
import { IconButton } from '../../ui/IconButton';

/** "Outputs", or for a job stopped part way, which of them were written before it stopped. */
function outputsTitle(job: JobDetail): string {
  const count = `${job.outputs.length} output${job.outputs.length === 1 ? '' : 's'}`;
  if (job.state === 'cancelled') return `${count} written before the cancel`;
  if (job.state === 'failed') return `${count} written before it failed`;
  return 'Outputs';
}

/** Everything about one job: source, failure reason with retry, outputs with before/after, and its log. */
export function JobDetailPanel({ id, profileName, onClose, onOpenJob }: { id: string; profileName: (id: string) => string; onClose: () => void; onOpenJob: (id: string) => void }) {
  const { data: job, error } = useJobDetail(id);
  const { retry, reveal, open } = useJobActions();
  return (
    <aside className="detail-panel" aria-label="Job details">
      <div className="detail-header">
        <h2 className="job-name" title={job?.sourcePath}>{job?.sourceName ?? '…'}</h2>
        <IconButton label="Close details" icon={<X size={18} aria-hidden />} onClick={onClose} />
      </div>
      <ErrorNote error={error ?? retry.error ?? reveal.error ?? open.error} />
      {job && (
        <div className="detail-body">
          <div className="detail-source">
            <Thumbnail path={job.sourcePath} maxSide={240} alt="Source" className="thumb-medium" />
            <div>
              <JobStateBadge state={job.state} />
              <p className="mono small break">{job.sourcePath}</p>
              <button type="button" className="btn btn-small" onClick={() => reveal.mutate(job.sourcePath)}><FolderOpen size={14} /> Show source</button>
            </div>
          </div>
          {job.error && (
            <div className="note note-danger detail-error">
              <span><strong>{job.state === 'failed' ? 'Failed:' : 'Last error:'}</strong> {job.error.message}</span>
              {(job.state === 'failed' || job.state === 'cancelled') && (
                <button type="button" className="btn btn-small" onClick={() => retry.mutate(job.id)} disabled={retry.isPending}><RotateCcw size={14} /> Retry</button>
              )}
            </div>
          )}
          <SkippedCopyNote job={job} onOpenJob={onOpenJob} />
          {job.state === 'cancelled' && !job.error && (
            <button type="button" className="btn btn-small" onClick={() => retry.mutate(job.id)} disabled={retry.isPending}><RotateCcw size={14} /> Run again</button>
          )}
          <JobFacts job={job} profileName={profileName(job.profileId)} />
          {job.outputs.length > 0 && (
            <>
              <div className="section-title detail-outputs-title">
                <h3>{outputsTitle(job)}</h3>
                <a className="btn btn-small" href={jobViewLink(job.id)}>
                  <LayoutGrid size={14} aria-hidden /> Open job view
                </a>
              </div>
              <DetailOutputs job={job} onReveal={(path) => reveal.mutate(path)} onOpen={(path) => open.mutate(path)} />
            </>
          )}
          <h3 className="section-title">Log</h3>
          <ol className="log small">
            {job.log.map((entry, index) => (
              <li key={index}>
                <span className="muted">{formatDateTime(entry.at)}</span> <strong>{jobStateLabel(entry.state)}</strong> <span>{entry.message}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </aside>
  );
}
