import { ListChecks } from 'lucide-react';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { PageHeader } from '../../ui/PageHeader';
import { ActiveJobRow } from './ActiveJobRow';
import { QueueSummary } from './QueueSummary';
import { useNow } from './useNow';
import { useActiveJobs, useCancelJob, useQueueState } from './useQueue';

/** Live progress of the work in hand. */
export function QueuePage() {
  const queue = useQueueState();
  const jobs = useActiveJobs();
  const cancel = useCancelJob();
  const now = useNow();
  return (
    <>
      <PageHeader title="Queue" subtitle="Jobs running and waiting, live." />
      <ErrorNote error={queue.error ?? jobs.error} />
      {queue.data && <QueueSummary queue={queue.data} />}
      <Card title={`Pending jobs${jobs.data ? ` (${jobs.data.length})` : ''}`}>
        <ErrorNote error={cancel.error} prefix="Could not cancel:" />
        {jobs.data && jobs.data.length === 0 && <EmptyState icon={<ListChecks size={28} />} title="The queue is empty" />}
        <ul className="job-list">
          {jobs.data?.map((job) => (
            <ActiveJobRow key={job.id} job={job} now={now} onCancel={() => cancel.mutate(job.id)} cancelling={cancel.isPending && cancel.variables === job.id} />
          ))}
        </ul>
      </Card>
    </>
  );
}
