import { Pause, Wifi, WifiOff } from 'lucide-react';
import { useQueueState } from '../features/queue/useQueue';
import { PENDING_JOB_STATES } from '../../../electron/domain/jobStates';
import { Badge } from '../ui/Badge';

/** The queue at a glance: running/paused/offline and how many jobs wait. */
export function QueueBadge() {
  const { data: queue } = useQueueState();
  if (!queue) return null;
  // A job awaiting approval waits for the person, not the machine: counted apart.
  const toApprove = queue.counts.awaiting_approval;
  const waiting = PENDING_JOB_STATES.reduce((sum, state) => sum + queue.counts[state], 0) - toApprove;
  const label = `${waiting} waiting${toApprove > 0 ? ` · ${toApprove} to approve` : ''}`;
  if (queue.state === 'offline') return <Badge tone="warning" icon={<WifiOff size={14} />} title={queue.reason ?? undefined}>Offline · {label}</Badge>;
  if (queue.state === 'paused') return <Badge tone="warning" icon={<Pause size={14} />} title={queue.reason ?? undefined}>Paused · {label}</Badge>;
  return <Badge tone="success" icon={<Wifi size={14} />}>Online · {label}</Badge>;
}
