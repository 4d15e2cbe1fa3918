/**
 * The job state machine of ARCHITECTURE.md as pure data and functions, so the store, the scheduler and the UI agree
 * on what a state means and which moves are legal.
 *
 * Happy path: queued -> preparing -> uploading -> submitted -> downloading -> writing -> done (the local engine goes
 * preparing -> writing). Side states: waiting_network, waiting_budget, retry_scheduled, failed, cancelled.
 */
export const JOB_STATES = [
  'queued',
  'preparing',
  'uploading',
  'submitted',
  'downloading',
  'writing',
  'done',
  'waiting_network',
  'waiting_budget',
  'retry_scheduled',
  'failed',
  'cancelled',
] as const;

/** One of the twelve job states. */
export type JobState = (typeof JOB_STATES)[number];

/** States a job never leaves by itself; only a user's retry moves failed/cancelled back into line. */
export const TERMINAL_STATES: readonly JobState[] = ['done', 'failed', 'cancelled'];

/** States in which a worker owns the job (they count against the concurrency limit). */
export const ACTIVE_STATES: readonly JobState[] = ['preparing', 'uploading', 'submitted', 'downloading', 'writing'];

/** States in which a job waits for its turn, the network, the budget or its retry time. */
export const WAITING_STATES: readonly JobState[] = ['queued', 'waiting_network', 'waiting_budget', 'retry_scheduled'];

/** States that come before fal holds a request for the job: leaving them again costs nothing. */
const BEFORE_SUBMIT: readonly JobState[] = ['queued', 'preparing', 'uploading'];

/**
 * Every legal move. Any active state may go back to `queued` (queue paused on a bad key, restart) because the
 * claim step resumes a job by its request id whenever it has one, so going back in line never pays twice.
 * `downloading`/`writing` may fall back to `submitted` to fetch the result again by request id.
 */
const TRANSITIONS: Readonly<Record<JobState, readonly JobState[]>> = {
  queued: ['preparing', 'submitted', 'waiting_network', 'waiting_budget', 'cancelled'],
  preparing: [
    'uploading',
    'writing',
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
  writing: ['done', 'submitted', 'queued', 'retry_scheduled', 'failed', 'cancelled'],
  done: [],
  waiting_network: ['queued', 'preparing', 'submitted', 'cancelled'],
  waiting_budget: ['queued', 'preparing', 'submitted', 'cancelled'],
  retry_scheduled: ['queued', 'preparing', 'submitted', 'waiting_network', 'cancelled'],
  failed: ['queued', 'submitted'],
  cancelled: ['queued', 'submitted'],
};

/** True when `value` names a job state (for rows and API input). */
export function isJobState(value: unknown): value is JobState {
  return typeof value === 'string' && (JOB_STATES as readonly string[]).includes(value);
}

/** The states a job in `from` may move to. */
export function allowedTransitions(from: JobState): readonly JobState[] {
  return TRANSITIONS[from];
}

/** True when moving from `from` to `to` is legal. Staying in the same state is not a transition. */
export function canTransition(from: JobState, to: JobState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** True for done, failed and cancelled. */
export function isTerminal(state: JobState): boolean {
  return TERMINAL_STATES.includes(state);
}

/** True while a worker is processing the job (preparing through writing). */
export function isActive(state: JobState): boolean {
  return ACTIVE_STATES.includes(state);
}

/** True for queued and the three waiting states. */
export function isWaiting(state: JobState): boolean {
  return WAITING_STATES.includes(state);
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
 * submitted again; a job past `submitted` without one (the local engine) restarts. Waiting and terminal states stay.
 */
export function recoveryStateOnStart(state: JobState, hasRequestId: boolean): JobState {
  if (!isActive(state)) return state;
  if (BEFORE_SUBMIT.includes(state)) return 'queued';
  return resumeState(hasRequestId);
}
