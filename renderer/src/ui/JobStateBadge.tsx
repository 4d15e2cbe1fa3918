import type { JobState } from '../../../electron/shared';
import { Badge, type Tone } from './Badge';

const LABELS: Record<JobState, [label: string, tone: Tone]> = {
  queued: ['Queued', 'neutral'],
  preparing: ['Preparing', 'info'],
  uploading: ['Uploading', 'info'],
  submitted: ['At fal', 'info'],
  downloading: ['Downloading', 'info'],
  writing: ['Writing', 'info'],
  done: ['Done', 'success'],
  waiting_network: ['Waiting for network', 'warning'],
  waiting_budget: ['Waiting for budget', 'warning'],
  retry_scheduled: ['Retry scheduled', 'warning'],
  failed: ['Failed', 'danger'],
  cancelled: ['Cancelled', 'neutral'],
};

/** A job state's words for people. */
export function jobStateLabel(state: JobState): string {
  return LABELS[state][0];
}

/** A job's state as a coloured badge. */
export function JobStateBadge({ state }: { state: JobState }) {
  const [label, tone] = LABELS[state];
  return <Badge tone={tone}>{label}</Badge>;
}
