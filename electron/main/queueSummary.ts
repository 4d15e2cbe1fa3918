import { WAITING_JOB_STATES } from '../domain/jobStates';
import type { JobCounts } from '../shared';

/** The reason the engine's scheduler records when the person pauses the queue (tray or Queue page). */
export const USER_PAUSE_REASON = 'paused by the user';

/** Jobs not started yet or parked: queued, waiting for the network or the budget, or due for a retry. */
export function waitingCount(counts: JobCounts): number {
  return WAITING_JOB_STATES.reduce((sum, state) => sum + counts[state], 0);
}

/** True when a pause came from the engine (bad key, no credit) rather than from the person. */
export function isAutomaticPause(reason: string | null | undefined): reason is string {
  return !!reason && reason !== USER_PAUSE_REASON;
}
