import { X } from 'lucide-react';
import type { Job } from '../../../../electron/shared';
import { RUNNING_JOB_STATES } from '../../../../electron/domain/jobStates';
import { formatDuration } from '../../ui/format';
import { JobStateBadge } from '../../ui/JobStateBadge';
import { ProgressBar } from '../../ui/ProgressBar';
import { Thumbnail } from '../../ui/Thumbnail';
import { IconButton } from '../../ui/IconButton';

/** One pending job: what it is, where it stands, why it waits, and a cancel button. */
export function ActiveJobRow({ job, now, onCancel, cancelling }: { job: Job; now: number; onCancel: () => void; cancelling: boolean }) {
  const running = RUNNING_JOB_STATES.includes(job.state);
  return (
    <li className="job-row">
      <Thumbnail path={job.sourcePath} maxSide={96} alt="" className="thumb-small" />
      <div className="job-main">
        <div className="job-title">
          <span className="job-name" title={job.sourcePath}>{job.sourceName}</span>
          <JobStateBadge state={job.state} />
        </div>
        {running && <ProgressBar value={job.progress} label={`${job.sourceName} progress`} />}
        <div className="job-meta muted">
          {running && <span>{Math.round(job.progress * 100)}%</span>}
          {running && job.startedAt !== null && <span>running {formatDuration(now - job.startedAt)}</span>}
          {job.attempts > 1 && <span>attempt {job.attempts}</span>}
          {job.state === 'retry_scheduled' && job.retryAt !== null && <span>next try in {formatDuration(job.retryAt - now)}</span>}
          {job.error && <span className="text-warning">{job.error.message}</span>}
        </div>
      </div>
      <IconButton label={`Cancel ${job.sourceName}`} tooltip="Cancel this job" icon={<X size={16} aria-hidden />} onClick={onCancel} disabled={cancelling} />
    </li>
  );
}
