import { isRunning, type JobState } from './jobStates';

/**
 * The job state machine's legal moves, as pure data and functions, so the store and the scheduler agree on which
 * moves are legal and where an interrupted job continues.
 */

/** States that come before fal holds a request for the job: leaving them again costs nothing. */
const BEFORE_SUBMIT: readonly JobState[] = ['queued', 'preparing', 'uploading'];

/**
 * Every legal move. Any running state may go back to `queued` (queue paused on a bad key, restart) because the
 * claim step resumes a job by its request id whenever it has one, so going back in line never pays twice.
 * `downloading`/`writing` may fall back to `submitted` to fetch the result again by request id.
 */
const TRANSITIONS: Readonly<Record<JobState, readonly JobState[]>> = {
  queued: ['preparing', 'submitted', 'waiting_network', 'waiting_budget', 'cancelled'],
  preparing: [
    'uploading',
    'writing',
    'awaiting_approval',
    'queued',
    'waiting_network',
    'waiting_budget',
    'retry_scheduled',
    'failed',
    'cancelled',
  ],
  uploading: ['submitted', 'queued', 'waiting_network', 'waiting_budget', 'retry_scheduled', 'failed', 'cancelled'],
  submitted: ['downloading', 'queued', 'waiting_network', 'retry_scheduled', 'failed', 'cancelled'],
  downloading: ['writing', 'submitted', 'queued', 'waiting_network', 'retry_scheduled', 'failed', 'cancelled'],
  // A review-first job rests in awaiting_approval once its previews (or its approved sizes) are written.
  writing: ['done', 'submitted', 'queued', 'awaiting_approval', 'retry_scheduled', 'failed', 'cancelled'],
  done: [],
  waiting_network: ['queued', 'preparing', 'submitted', 'cancelled'],
  waiting_budget: ['queued', 'preparing', 'submitted', 'cancelled'],
  retry_scheduled: ['queued', 'preparing', 'submitted', 'waiting_network', 'cancelled'],
  // Approved sizes go back in line; when every paid size is declined the local previews are the job's outputs.
  awaiting_approval: ['queued', 'done', 'cancelled'],
  failed: ['queued', 'submitted'],
  cancelled: ['queued', 'submitted'],
  // "Make anyway": the person pays for a copy of content already made.
  skipped: ['queued'],
};

/** The states a job in `from` may move to. */
export function allowedTransitions(from: JobState): readonly JobState[] {
  return TRANSITIONS[from];
}

/** True when moving from `from` to `to` is legal. Staying in the same state is not a transition. */
export function canTransition(from: JobState, to: JobState): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * Where a job goes when it gets back in line: a job that already has a live fal request resumes at `submitted`
 * (fetch the result by request id), anything else starts over at `queued`.
 */
export function resumeState(hasLiveRequest: boolean): 'queued' | 'submitted' {
  return hasLiveRequest ? 'submitted' : 'queued';
}

/**
 * The state a job found in `state` at start-up (the app was killed or crashed) continues from. Before `submitted`
 * the work is redone from the start; from `submitted` on, a job with a request id resumes by that id and is never
 * submitted again; a job past `submitted` without one (the local engine) restarts. Waiting and finished states stay.
 */
export function recoveryStateOnStart(state: JobState, hasRequestId: boolean): JobState {
  if (!isRunning(state)) return state;
  if (BEFORE_SUBMIT.includes(state)) return 'queued';
  return resumeState(hasRequestId);
}
