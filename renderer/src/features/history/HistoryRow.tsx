import { memo } from 'react';
import type { Job } from '../../../../electron/shared';
import { formatCents, formatDateTime, formatWhen } from '../../ui/format';
import { JobStateBadge } from '../../ui/JobStateBadge';
import { Thumbnail } from '../../ui/Thumbnail';
import { OutputShapes } from './OutputShapes';
import { PreflightSummary } from '../preflight/PreflightSummary';
import { skippedText } from './SkippedCopyNote';

/** "3 outputs", "1 output kept" for a job stopped part way, what a skipped copy duplicates, else the error or nothing. */
function outputsText(job: Job): string {
  if (job.state === 'skipped' && job.duplicateOf) return skippedText(job.duplicateOf);
  const count = job.outputs.length;
  if (count === 0) return job.error?.message ?? '';
  const outputs = `${count} output${count === 1 ? '' : 's'}`;
  return job.state === 'done' ? outputs : `${outputs} kept`;
}

interface Props {
  job: Job;
  profileName: string;
  selected: boolean;
  /**
   * Show the previews; false draws plain placeholders instead (no preview query, no request), so rows stay cheap
   * while the list scrolls and for its first frame.
   */
  previews: boolean;
  onSelect: (id: string) => void;
}

/** One job in the history list. Memoised: 10,000-row lists re-render only the rows that changed. */
export const HistoryRow = memo(function HistoryRow({ job, profileName, selected, previews, onSelect }: Props) {
  return (
    <button type="button" className={`history-row ${selected ? 'selected' : ''}`} onClick={() => onSelect(job.id)}>
      {previews ? <Thumbnail path={job.sourcePath} maxSide={96} alt="" className="thumb-small" /> : <span className="thumb thumb-small thumb-placeholder" />}
      <OutputShapes outputs={job.outputs} />
      <span className="history-name">
        <span className="job-name">{job.sourceName}</span>
        <span className="muted small">{job.madeBy ? `${profileName} · made by ${job.madeBy}` : profileName}</span>
      </span>
      <JobStateBadge state={job.state} />
      <span className="muted small history-outputs">{outputsText(job)} <PreflightSummary outputs={job.outputs} /></span>
      <span className="small history-cost">{job.costCents === null ? '' : formatCents(job.costCents)}</span>
      <span className="muted small history-when" title={formatDateTime(job.createdAt)}>{formatWhen(job.createdAt)}</span>
    </button>
  );
});
