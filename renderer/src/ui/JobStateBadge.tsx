import { JOB_STATE_LABELS } from '../../../electron/domain/jobStateWords';
import type { JobState } from '../../../electron/shared';
import { Badge, type Tone } from './Badge';

const TONES: Record<JobState, Tone> = {
  queued: 'neutral',
  preparing: 'info',
  uploading: 'info',
  submitted: 'info',
  downloading: 'info',
  writing: 'info',
  done: 'success',
  waiting_network: 'warning',
  waiting_budget: 'warning',
  retry_scheduled: 'warning',
  awaiting_approval: 'warning',
  failed: 'danger',
  cancelled: 'neutral',
  skipped: 'neutral',
};

/** A job state's words for people (the same words the job log and the command line use). */
export function jobStateLabel(state: JobState): string {
  return JOB_STATE_LABELS[state];
}

/** A job's state as a coloured badge. */
export function JobStateBadge({ state }: { state: JobState }) {
  return <Badge tone={TONES[state]}>{jobStateLabel(state)}</Badge>;
}
