import type { BurstHeldJob } from '../spendTypes';
import { applyTransition } from './jobTransition';
import { toJobRecord, type JobRow } from './rowMappers';
import { allRows, getRow, run, withTransaction } from './sqlite';
import type { StoreContext } from './storeContext';

/**
 * The record of jobs a hot-folder burst parked in `waiting_budget` (so they are told apart from jobs over a cap),
 * and of when each folder's burst was last released, so released files do not count toward the next burst (SQLite).
 */
export class SqliteBurstHoldRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Marks a job as held by a burst; call in the transaction that moves it to waiting_budget. */
  add(jobId: string, folderId: string | null): void {
    run(this.ctx.db, 'INSERT OR IGNORE INTO burst_holds (job_id, folder_id, held_at) VALUES (:jobId, :folderId, :now)', {
      jobId,
      folderId,
      now: this.ctx.now(),
    });
  }

  /** True when the job is held by a burst. */
  has(jobId: string): boolean {
    return getRow(this.ctx.db, 'SELECT 1 AS one FROM burst_holds WHERE job_id = :jobId', { jobId }) !== undefined;
  }

  /** Held jobs still waiting (a job cancelled from the queue meanwhile is left out), oldest first. */
  waiting(folderId?: string | null): BurstHeldJob[] {
    return allRows<{ job_id: string; folder_id: string | null }>(
      this.ctx.db,
      `SELECT h.job_id, h.folder_id FROM burst_holds h JOIN jobs j ON j.id = h.job_id
       WHERE j.state = 'waiting_budget' AND (:all = 1 OR h.folder_id IS :folderId)
       ORDER BY j.created_at, j.id`,
      { all: folderId === undefined ? 1 : 0, folderId: folderId ?? null },
    ).map((row) => ({ jobId: row.job_id, folderId: row.folder_id }));
  }

  /** Forgets the holds of these jobs (released or discarded). */
  remove(jobIds: readonly string[]): void {
    withTransaction(this.ctx, () => {
      for (const jobId of jobIds) run(this.ctx.db, 'DELETE FROM burst_holds WHERE job_id = :jobId', { jobId });
    });
  }

  /** When the folder's last burst was released (0: never). Files that arrived before it no longer count. */
  lastRelease(folderId: string): number {
    return getRow<{ at: number }>(this.ctx.db, 'SELECT released_at AS at FROM burst_resets WHERE folder_id = :folderId', { folderId })?.at ?? 0;
  }

  /** Starts the folder's burst count afresh from now. */
  resetCount(folderId: string): void {
    run(
      this.ctx.db,
      `INSERT INTO burst_resets (folder_id, released_at) VALUES (:folderId, :now)
       ON CONFLICT (folder_id) DO UPDATE SET released_at = excluded.released_at`,
      { folderId, now: this.ctx.now() },
    );
  }

  arrivals(folderId: string, since: number, until: number): number {
    return getRow<{ n: number }>(
      this.ctx.db,
      'SELECT count(*) AS n FROM jobs WHERE folder_id = :folderId AND created_at > :since AND created_at <= :until',
      { folderId, since, until },
    )?.n ?? 0;
  }

  holdQueued(folderId: string, since: number, reason: string): string[] {
    return withTransaction(this.ctx, () => {
      const rows = allRows<JobRow>(
        this.ctx.db,
        `SELECT * FROM jobs
         WHERE folder_id = :folderId AND state = 'queued' AND provider <> 'local' AND created_at > :since
         ORDER BY created_at, id`,
        { folderId, since },
      );
      return rows.map((row) => {
        applyTransition(this.ctx, toJobRecord(row), 'waiting_budget', { reason });
        this.add(row.id, folderId);
        return row.id;
      });
    });
  }
}
