import { Copy } from 'lucide-react';
import { useState } from 'react';
import type { JobDetail } from '../../../../electron/shared';
import { formatDateTime } from '../../ui/format';
import { jobStateLabel } from '../../ui/JobStateBadge';
import { EstimateLine } from '../drop/EstimateLine';
import { useEstimate } from '../drop/useEstimate';
import { useJobActions } from './useJobHistory';

/** "same image as first.jpg, done 1 Dec 20:04": what a skipped copy duplicates, in History's words. */
export function skippedText(first: NonNullable<JobDetail['duplicateOf']>): string {
  const when = first.finishedAt === null ? '' : ` ${formatDateTime(first.finishedAt)}`;
  return `skipped: same image as ${first.sourceName}, ${jobStateLabel(first.state).toLowerCase()}${when}`;
}

/**
 * A skipped copy in the job detail: which job made this image (a link that opens it) and "Make anyway", which
 * shows the price of one image with the profile before it makes a new paid job.
 */
export function SkippedCopyNote({ job, onOpenJob }: { job: JobDetail; onOpenJob: (id: string) => void }) {
  const [asking, setAsking] = useState(false);
  const { makeAnyway } = useJobActions();
  const estimate = useEstimate(asking ? job.profileId : undefined, 1);
  const first = job.duplicateOf;
  if (job.state !== 'skipped' || !first) return null;
  return (
    <div className="note note-info detail-skipped">
      <p>
        <Copy size={14} aria-hidden /> Skipped: same image as{' '}
        <a href={`#/history?job=${first.id}`} onClick={(event) => { event.preventDefault(); onOpenJob(first.id); }}>{first.sourceName}</a>
        , {jobStateLabel(first.state).toLowerCase()}{first.finishedAt !== null && ` ${formatDateTime(first.finishedAt)}`}. Nothing was paid for this copy.
      </p>
      {!asking ? (
        <button type="button" className="btn btn-small" onClick={() => setAsking(true)}>Make anyway…</button>
      ) : (
        <div className="skipped-confirm">
          <EstimateLine estimate={estimate.data} staged={1} />
          <button type="button" className="btn btn-primary btn-small" onClick={() => makeAnyway.mutate(job.id)} disabled={makeAnyway.isPending || !estimate.data}>
            Make anyway
          </button>
          <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>Keep skipped</button>
        </div>
      )}
    </div>
  );
}
