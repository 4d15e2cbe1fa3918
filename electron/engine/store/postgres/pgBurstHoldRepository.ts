import type { BurstHoldRepository } from '../spendRepositories';
import type { BurstHeldJob } from '../spendTypes';
import { toJobRecord, type JobRow } from '../sqlite/rowMappers';
import type { PgContext } from './pgContext';
import { applyTransition } from './pgJobTransition';
import { pgRow, pgRows, pgRun } from './pgSql';

/** Jobs a hot-folder burst holds, and each folder's burst count (PostgreSQL; see BurstHoldRepository). */
export class PgBurstHoldRepository implements BurstHoldRepository {
  constructor(private readonly ctx: PgContext) {}

  async add(jobId: string, folderId: string | null): Promise<void> {
    await pgRun(this.ctx.client, 'INSERT INTO burst_holds (job_id, folder_id, held_at) VALUES (:jobId, :folderId, :now) ON CONFLICT DO NOTHING', {
      jobId,
      folderId,
      now: this.ctx.now(),
    });
  }

  async has(jobId: string): Promise<boolean> {
    return (await pgRow(this.ctx.client, 'SELECT 1 AS one FROM burst_holds WHERE job_id = :jobId', { jobId })) !== undefined;
  }

  async waiting(folderId?: string | null): Promise<BurstHeldJob[]> {
    const rows = await pgRows<{ job_id: string; folder_id: string | null }>(
      this.ctx.client,
      `SELECT h.job_id, h.folder_id FROM burst_holds h JOIN jobs j ON j.id = h.job_id
       WHERE j.state = 'waiting_budget' AND (:all = 1 OR h.folder_id IS NOT DISTINCT FROM :folderId::text)
       ORDER BY j.created_at, j.id`,
      { all: folderId === undefined ? 1 : 0, folderId: folderId ?? null },
    );
    return rows.map((row) => ({ jobId: row.job_id, folderId: row.folder_id }));
  }

  async remove(jobIds: readonly string[]): Promise<void> {
    for (const jobId of jobIds) await pgRun(this.ctx.client, 'DELETE FROM burst_holds WHERE job_id = :jobId', { jobId });
  }

  async lastRelease(folderId: string): Promise<number> {
    return (await pgRow<{ at: number }>(this.ctx.client, 'SELECT released_at AS at FROM burst_resets WHERE folder_id = :folderId', { folderId }))?.at ?? 0;
  }

  async resetCount(folderId: string): Promise<void> {
    await pgRun(
      this.ctx.client,
      `INSERT INTO burst_resets (folder_id, released_at) VALUES (:folderId, :now)
       ON CONFLICT (folder_id) DO UPDATE SET released_at = excluded.released_at`,
      { folderId, now: this.ctx.now() },
    );
  }

  async arrivals(folderId: string, since: number, until: number): Promise<number> {
    const row = await pgRow<{ n: number }>(
      this.ctx.client,
      'SELECT count(*) AS n FROM jobs WHERE folder_id = :folderId AND created_at > :since AND created_at <= :until',
      { folderId, since, until },
    );
    return row?.n ?? 0;
  }

  async holdQueued(folderId: string, since: number, reason: string): Promise<string[]> {
    const rows = await pgRows<JobRow>(
      this.ctx.client,
      `SELECT * FROM jobs WHERE folder_id = :folderId AND state = 'queued' AND provider <> 'local' AND created_at > :since
       ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
      { folderId, since },
    );
    const held: string[] = [];
    for (const row of rows) {
      await applyTransition(this.ctx, toJobRecord(row), 'waiting_budget', { reason });
      await this.add(row.id, folderId);
      held.push(row.id);
    }
    return held;
  }
}
