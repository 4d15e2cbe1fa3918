import type { StoreEvent } from './types';

/** Event kinds the store writes itself; hosts may append their own kinds (queue paused, network changed, ...). */
export const STORE_EVENT_KINDS = {
  jobCreated: 'job_created',
  /** A copy of content already made, recorded as `skipped` (no work, no batch arrival): `{duplicateOf, ...}`. */
  jobSkipped: 'job_skipped',
  /** A file intake refused (not an image the app takes), recorded as a failed job with the reason. */
  jobRefused: 'job_refused',
  jobState: 'job_state',
  requestSubmitted: 'request_submitted',
  requestFinished: 'request_finished',
  outputWritten: 'output_written',
  /** What intake did to a source (first frame of an animation used, CMYK converted, ...): `{message, state}`. */
  jobNote: 'job_note',
} as const;

/**
 * Gets every event the store appended, pushed right after the commit that wrote it and before the call that made
 * the change resolves, in commit order. Never called for a change that was rolled back.
 */
export type StoreEventListener = (event: StoreEvent) => void;
