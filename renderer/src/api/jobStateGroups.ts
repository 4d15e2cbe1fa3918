import { ACTIVE_STATES, JOB_STATES, TERMINAL_STATES, type JobState } from '../../../electron/engine/jobs/jobStates';

// The same groups as the contract's (electron/shared/schemas/job.ts), taken from the engine's zod-free state list:
// importing that contract module would bring its schemas, and zod, into whichever bundle imports these.

/** States a job never leaves by itself. */
export const FINISHED_JOB_STATES: readonly JobState[] = TERMINAL_STATES;
/** States of a job being worked on right now. */
export const RUNNING_JOB_STATES: readonly JobState[] = ACTIVE_STATES;
/** States of work not finished yet: running, queued or waiting. */
export const PENDING_JOB_STATES: readonly JobState[] = JOB_STATES.filter((state) => !FINISHED_JOB_STATES.includes(state));
