import { toStoreEvent, type EventRow } from './rowMappers';
import { allRows, getRow, type SqlDatabase } from './sqlite';
import type { StoreContext } from './storeContext';
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

/** Writes one event row; called inside the transaction of the change it describes. Returns the new event id. */
export function appendEvent(
  ctx: StoreContext,
  kind: string,
  jobId: string | null,
  data: Record<string, unknown> = {},
): number {
  const row = getRow<{ id: number }>(
    ctx.db,
    'INSERT INTO events (job_id, at, kind, data) VALUES (:jobId, :at, :kind, :data) RETURNING id',
    { jobId, at: ctx.now(), kind, data: JSON.stringify(data) },
  );
  return row!.id;
}

/** The append-only log the UI and the headless server tail. */
export class EventLog {
  constructor(private readonly ctx: StoreContext) {}

  /** Appends an event that is not tied to a store change (queue paused, online again, ...). Returns its id. */
  append(kind: string, jobId: string | null = null, data: Record<string, unknown> = {}): number {
    return appendEvent(this.ctx, kind, jobId, data);
  }

  /** Events with id greater than `afterId`, oldest first; pass the last id seen to tail the log (0 from the start). */
  eventsAfter(afterId: number, limit = 500): StoreEvent[] {
    return allRows<EventRow>(
      this.ctx.db,
      'SELECT id, job_id, at, kind, data FROM events WHERE id > :afterId ORDER BY id LIMIT :limit',
      { afterId, limit },
    ).map(toStoreEvent);
  }

  /** The id of the newest event (0 when empty): where a client that only wants new events starts tailing. */
  lastEventId(): number {
    return getRow<{ id: number | null }>(this.ctx.db, 'SELECT max(id) AS id FROM events')?.id ?? 0;
  }
}

/** The newest `limit` events of one job, oldest first (for the job detail view). */
export function recentJobEvents(db: SqlDatabase, jobId: string, limit: number): StoreEvent[] {
  const rows = allRows<EventRow>(
    db,
    'SELECT id, job_id, at, kind, data FROM events WHERE job_id = :jobId ORDER BY id DESC LIMIT :limit',
    { jobId, limit },
  );
  return rows.reverse().map(toStoreEvent);
}
