import { WAITING_JOB_STATES } from '../domain/jobStates';
import type { JobCounts } from '../shared';

/** Jobs not started yet or parked: queued, waiting for the network or the budget, or due for a retry. */
export function waitingCount(counts: JobCounts): number {
  return WAITING_JOB_STATES.reduce((sum, state) => sum + counts[state], 0);
}
