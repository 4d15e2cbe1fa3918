import type { JobDetail } from '../../../../electron/shared';
import { formatCents, formatDateTime, formatDuration } from '../../ui/format';

const MADE_BY = { fal: 'fal', local: 'local', mixed: 'fal and local' } as const;

/** What a job cost, in words: fal's charge, free for the local engine, or why there is no figure yet. */
function costText(job: JobDetail): string {
  if (job.costCents !== null) return formatCents(job.costCents);
  if (job.provider === 'local') return 'Free';
  if (job.state === 'done') return 'Not recorded';
  return job.state === 'failed' || job.state === 'cancelled' || job.state === 'skipped' ? 'Nothing charged' : 'Not known yet';
}

/** The job's facts: profile, who made it, tries, times and cost, each as the engine reports it. */
export function JobFacts({ job, profileName }: { job: JobDetail; profileName: string }) {
  return (
    <dl className="detail-facts">
      <dt>Profile</dt><dd>{profileName} (v{job.profileVersion})</dd>
      <dt>Made by</dt><dd data-testid="made-by">{job.provider ? MADE_BY[job.provider] : '—'}</dd>
      {job.madeBy && (<><dt>Made on</dt><dd data-testid="made-on" title="The team member's instance that worked this job">{job.madeBy}</dd></>)}
      <dt>Attempts</dt><dd data-testid="attempts">{job.attemptsMade}</dd>
      <dt>Queued</dt><dd>{formatDateTime(job.createdAt)}</dd>
      {job.tookMs !== null && (<><dt>Took</dt><dd data-testid="took">{formatDuration(job.tookMs)}</dd></>)}
      <dt>Cost</dt><dd data-testid="cost">{costText(job)}</dd>
    </dl>
  );
}
