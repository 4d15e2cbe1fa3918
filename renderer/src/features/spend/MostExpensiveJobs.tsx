import type { SpendSummary } from '../../../../electron/shared';
import { Card } from '../../ui/Card';
import { formatCents, formatDateTime, formatWhen } from '../../ui/format';
import { historyLink } from '../../shell/routes';

/** The jobs that cost the most, each opening in History with its outputs and log. */
export function MostExpensiveJobs({ jobs }: { jobs: SpendSummary['mostExpensive'] }) {
  return (
    <Card title="Most expensive jobs">
      {jobs.length === 0 ? (
        <p className="muted small">No fal spend in this period.</p>
      ) : (
        <ol className="expensive-list" aria-label="Most expensive jobs">
          {jobs.map((job) => (
            <li key={job.jobId}>
              <a href={historyLink({ job: job.jobId, search: job.sourceName })} className="expensive-name" title={`Open ${job.sourceName} in History`}>
                {job.sourceName}
              </a>
              <span className="muted small" title={formatDateTime(job.at)}>{formatWhen(job.at)}</span>
              <span className="expensive-amount">{formatCents(job.cents)}</span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
