import { ListChecks } from 'lucide-react';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { PageHeader } from '../../ui/PageHeader';
import { QueueApprovals } from '../approval/QueueApprovals';
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
  // Jobs awaiting approval wait for the person, not the machine: listed apart, with their quote and the decision.
  const inHand = jobs.data?.filter((job) => job.state !== 'awaiting_approval');
  return (
    <>
      <PageHeader title="Queue" subtitle="Jobs running and waiting, live." />
      <ErrorNote error={queue.error ?? jobs.error} />
      {queue.data && <QueueSummary queue={queue.data} />}
      <QueueApprovals activeJobs={jobs.data ?? []} />
      <Card title={`Pending jobs${inHand ? ` (${inHand.length})` : ''}`}>
        <ErrorNote error={cancel.error} prefix="Could not cancel:" />
        {inHand && inHand.length === 0 && <EmptyState icon={<ListChecks size={28} />} title="The queue is empty" />}
        <ul className="job-list">
          {inHand?.map((job) => (
            <ActiveJobRow key={job.id} job={job} now={now} onCancel={() => cancel.mutate(job.id)} cancelling={cancel.isPending && cancel.variables === job.id} />
          ))}
        </ul>
      </Card>
    </>
  );
}
