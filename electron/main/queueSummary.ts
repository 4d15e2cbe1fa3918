import type { JobCounts, JobState } from '../shared';

/** The reason the engine's scheduler records when the person pauses the queue (tray or Queue page). */
export const USER_PAUSE_REASON = 'paused by the user';

const WAITING_STATES: readonly JobState[] = ['queued', 'waiting_network', 'waiting_budget', 'retry_scheduled'];

/** Jobs not started yet or parked: queued, waiting for the network or the budget, or due for a retry. */
export function waitingCount(counts: JobCounts): number {
  return WAITING_STATES.reduce((sum, state) => sum + counts[state], 0);
}

/** True when a pause came from the engine (bad key, no credit) rather than from the person. */
export function isAutomaticPause(reason: string | null | undefined): reason is string {
  return !!reason && reason !== USER_PAUSE_REASON;
}
