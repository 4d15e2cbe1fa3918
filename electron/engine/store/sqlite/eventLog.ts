import { findJob } from './jobRows';
import { toStoreEvent, type EventRow } from './rowMappers';
import { allRows, getRow, type SqlDatabase } from './sqlite';
import type { StoreContext } from './storeContext';
import type { JobRecord, StoreEvent } from '../types';

/**
 * Writes one event row, inside the transaction of the change it describes, and puts it in the unit of work's
 * outbox (with `job`, the job as the change left it) to be pushed to listeners once that unit commits.
 */
export function appendEvent(
  ctx: StoreContext,
  kind: string,
  jobId: string | null,
  data: Record<string, unknown> = {},
  job?: JobRecord,
): StoreEvent {
  const at = ctx.now();
  const row = getRow<{ id: number }>(
    ctx.db,
    'INSERT INTO events (job_id, at, kind, data) VALUES (:jobId, :at, :kind, :data) RETURNING id',
    { jobId, at, kind, data: JSON.stringify(data) },
  );
  const event: StoreEvent = { id: row!.id, jobId, at, kind, data, ...(job && { job }) };
  ctx.outbox.push(event);
  return event;
}

/** The append-only event log (SQLite). */
export class SqliteEventLog {
  constructor(private readonly ctx: StoreContext) {}

  append(kind: string, jobId: string | null = null, data: Record<string, unknown> = {}): number {
    // Listeners get the job with its event, as with every other event of a job.
    return appendEvent(this.ctx, kind, jobId, data, jobId === null ? undefined : findJob(this.ctx, jobId)).id;
  }

  eventsAfter(afterId: number, limit = 500): StoreEvent[] {
    return allRows<EventRow>(
      this.ctx.db,
      'SELECT id, job_id, at, kind, data FROM events WHERE id > :afterId ORDER BY id LIMIT :limit',
      { afterId, limit },
    ).map(toStoreEvent);
  }

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
