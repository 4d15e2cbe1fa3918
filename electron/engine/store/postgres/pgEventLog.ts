import type { EventLog } from '../jobRepositories';
import { toStoreEvent, type EventRow } from '../sqlite/rowMappers';
import type { JobRecord, StoreEvent } from '../types';
import type { PgContext } from './pgContext';
import { findJob } from './pgJobRows';
import { pgRow, pgRows } from './pgSql';

/**
 * Writes one event row inside the unit of the change it describes and puts it in the unit's outbox (with `job`, the
 * job as the change left it), to be pushed to listeners once that unit commits.
 */
export async function appendEvent(
  ctx: PgContext,
  kind: string,
  jobId: string | null,
  data: Record<string, unknown> = {},
  job?: JobRecord,
): Promise<StoreEvent> {
  const at = ctx.now();
  const row = await pgRow<{ id: number }>(
    ctx.client,
    'INSERT INTO events (job_id, at, kind, data) VALUES (:jobId, :at, :kind, :data) RETURNING id',
    { jobId, at, kind, data: JSON.stringify(data) },
  );
  const event: StoreEvent = { id: row!.id, jobId, at, kind, data, ...(job && { job }) };
  ctx.outbox.push(event);
  return event;
}

/** The append-only event log (PostgreSQL). */
export class PgEventLog implements EventLog {
  constructor(private readonly ctx: PgContext) {}

  async append(kind: string, jobId: string | null = null, data: Record<string, unknown> = {}): Promise<number> {
    const job = jobId === null ? undefined : await findJob(this.ctx, jobId);
    return (await appendEvent(this.ctx, kind, jobId, data, job)).id;
  }

  async eventsAfter(afterId: number, limit = 500): Promise<StoreEvent[]> {
    const rows = await pgRows<EventRow>(
      this.ctx.client,
      'SELECT id, job_id, at, kind, data FROM events WHERE id > :afterId ORDER BY id LIMIT :limit',
      { afterId, limit },
    );
    return rows.map(toStoreEvent);
  }

  async lastEventId(): Promise<number> {
    return (await pgRow<{ id: number | null }>(this.ctx.client, 'SELECT max(id) AS id FROM events'))?.id ?? 0;
  }
}

/** The newest `limit` events of one job, oldest first (for the job detail view). */
export async function recentJobEvents(ctx: PgContext, jobId: string, limit: number): Promise<StoreEvent[]> {
  const rows = await pgRows<EventRow>(
    ctx.client,
    'SELECT id, job_id, at, kind, data FROM events WHERE job_id = :jobId ORDER BY id DESC LIMIT :limit',
    { jobId, limit },
  );
  return rows.reverse().map(toStoreEvent);
}
