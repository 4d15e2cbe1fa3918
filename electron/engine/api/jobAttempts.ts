import { isJobState, isRunning } from '../../domain/jobStates';
import type { StoreEvent } from '../store';

/** What a job's log says about the tries made on it. */
export interface JobAttempts {
  /**
   * Tries that started: the first run, each automatic retry and each retry the person asked for. Going back in
   * line to wait for the network or after a restart continues the same try, as does resuming a fal request.
   */
  readonly made: number;
  /**
   * When the current round of work began: the first try's start after the job was created or last retried by the
   * person (automatic retries and their waits belong to the round). Null before it started.
   */
  readonly roundStartedAt: number | null;
}

/** Reads the tries from a job's `job_state` events, oldest first. */
export function jobAttempts(events: readonly StoreEvent[]): JobAttempts {
  let made = 0;
  let roundStartedAt: number | null = null;
  // Whether the next move into a working state starts a new try, and whether that try opens a new round.
  let armed = true;
  let newRound = true;
  for (const event of events) {
    if (event.kind !== 'job_state') continue;
    const to = event.data['to'];
    if (event.data['cause'] === 'retry') {
      armed = true;
      newRound = true;
    } else if (to === 'retry_scheduled') {
      armed = true;
    } else if (armed && isJobState(to) && isRunning(to)) {
      made += 1;
      armed = false;
      if (newRound) roundStartedAt = event.at;
      newRound = false;
    }
  }
  return { made, roundStartedAt };
}
