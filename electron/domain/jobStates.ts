/**
 * The job states of ARCHITECTURE.md and the groups every side shows them in (the store, the scheduler, the contract,
 * the UI and the tray all read these, so a group means the same everywhere).
 *
 * Happy path: queued -> preparing -> uploading -> submitted -> downloading -> writing -> done (the local engine goes
 * preparing -> writing). Side states: waiting_network, waiting_budget, retry_scheduled, failed, cancelled,
 * `awaiting_approval` (a `review first` job: every size was made locally as a preview, its paid sizes wait for the
 * person's approval and nothing has been sent to fal for them), and `skipped`: a copy of content already made with the same profile version, recorded (never silent) but not paid for
 * unless the person says "Make anyway".
 * The legal moves between them are in ./jobTransitions.
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
  'awaiting_approval',
  'failed',
  'cancelled',
  'skipped',
] as const;

/** One of the fourteen job states. */
export type JobState = (typeof JOB_STATES)[number];

/**
 * States a job never leaves by itself; only a user's retry moves failed/cancelled back into line, and "Make anyway"
 * a skipped copy.
 */
export const FINISHED_JOB_STATES: readonly JobState[] = ['done', 'failed', 'cancelled', 'skipped'];

/** States in which a worker owns the job (they count against the concurrency limit). */
export const RUNNING_JOB_STATES: readonly JobState[] = ['preparing', 'uploading', 'submitted', 'downloading', 'writing'];

/** States in which a job waits for its turn, the network, the budget or its retry time. */
export const WAITING_JOB_STATES: readonly JobState[] = ['queued', 'waiting_network', 'waiting_budget', 'retry_scheduled'];

/**
 * States in which a job waits for the person, not for the machine: nothing runs it until they approve or decline
 * (neither running nor in line, so the scheduler never claims it).
 */
export const AWAITING_JOB_STATES: readonly JobState[] = ['awaiting_approval'];

/** States of work not finished yet: running, waiting or awaiting approval. */
export const PENDING_JOB_STATES: readonly JobState[] = JOB_STATES.filter((state) => !FINISHED_JOB_STATES.includes(state));

/** True when `value` names a job state (for rows and API input). */
export function isJobState(value: unknown): value is JobState {
  return typeof value === 'string' && (JOB_STATES as readonly string[]).includes(value);
}

/** True for done, failed, cancelled and skipped. */
export function isFinished(state: JobState): boolean {
  return FINISHED_JOB_STATES.includes(state);
}

/** True while a worker is processing the job (preparing through writing). */
export function isRunning(state: JobState): boolean {
  return RUNNING_JOB_STATES.includes(state);
}

/** True for queued and the three waiting states. */
export function isWaiting(state: JobState): boolean {
  return WAITING_JOB_STATES.includes(state);
}
