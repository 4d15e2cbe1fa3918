import { RUNNING_JOB_STATES } from '../../../domain/jobStates';
import type { Reservation } from '../spendTypes';
import { allRows, getRow, run } from './sqlite';
import type { StoreContext } from './storeContext';

const ACTIVE_LIST = RUNNING_JOB_STATES.map((state) => `'${state}'`).join(', ');

/**
 * Money in flight, persisted so a crash does not forget it: a row per admitted request (job + batch), replaced when
 * the same batch is admitted again, deleted when its charge is written (settled) or when it ends unpaid (released).
 * (SQLite.)
 */
export class SqliteReservationRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Reserves `cents` for a job's batch (replacing an older reservation of the same batch). */
  reserve(jobId: string, batchIndex: number, folderId: string | null, cents: number): void {
    run(
      this.ctx.db,
      `INSERT INTO spend_reservations (job_id, batch_index, folder_id, cents, reserved_at)
       VALUES (:jobId, :batchIndex, :folderId, :cents, :now)
       ON CONFLICT (job_id, batch_index) DO UPDATE SET cents = excluded.cents, reserved_at = excluded.reserved_at`,
      { jobId, batchIndex, folderId, cents, now: this.ctx.now() },
    );
  }

  /** Drops a batch's reservation (settled by its charge or released). Returns true when one existed. */
  remove(jobId: string, batchIndex: number): boolean {
    return run(this.ctx.db, 'DELETE FROM spend_reservations WHERE job_id = :jobId AND batch_index = :batchIndex', { jobId, batchIndex }).changes > 0;
  }

  /** The reservation of a job's batch, if any. */
  find(jobId: string, batchIndex: number): Reservation | undefined {
    const row = getRow<ReservationRow>(this.ctx.db, 'SELECT * FROM spend_reservations WHERE job_id = :jobId AND batch_index = :batchIndex', { jobId, batchIndex });
    return row ? toReservation(row) : undefined;
  }

  /** Drops every reservation of a job (cancelled, failed). Returns how many. */
  removeJob(jobId: string): number {
    return run(this.ctx.db, 'DELETE FROM spend_reservations WHERE job_id = :jobId', { jobId }).changes;
  }

  /** Cents reserved, for every folder or for one. */
  total(folderId?: string): number {
    const row = getRow<{ cents: number }>(
      this.ctx.db,
      'SELECT coalesce(sum(cents), 0) AS cents FROM spend_reservations WHERE (:folderId IS NULL OR folder_id = :folderId)',
      { folderId: folderId ?? null },
    );
    return row?.cents ?? 0;
  }

  /**
   * Releases reservations that no longer stand for money in flight: their batch holds no live fal request and their
   * job is not being worked on (it failed, was cancelled, waits for a retry, or the app stopped before submitting).
   * A batch whose request is still at fal keeps its reservation until the job, resumed, prices it; so does one whose
   * submit is on its way (a finished job's re-run: its job is not running, its request not known yet). A completed
   * request was priced before it completed (its charge settled its reservation): one left beside it is money no
   * request can still bill. Returns how many.
   */
  pruneStale(): number {
    return run(
      this.ctx.db,
      `DELETE FROM spend_reservations
       WHERE NOT EXISTS (SELECT 1 FROM job_requests r
                         WHERE r.job_id = spend_reservations.job_id AND r.batch_index = spend_reservations.batch_index
                           AND r.state = 'submitted')
         AND NOT EXISTS (SELECT 1 FROM fal_submits s
                         WHERE s.job_id = spend_reservations.job_id AND s.batch_index = spend_reservations.batch_index
                           AND s.state = 'sending')
         AND NOT EXISTS (SELECT 1 FROM jobs j
                         WHERE j.id = spend_reservations.job_id AND j.state IN (${ACTIVE_LIST}))`,
    ).changes;
  }

  /** Every reservation, oldest first. */
  list(): Reservation[] {
    return allRows<ReservationRow>(this.ctx.db, 'SELECT * FROM spend_reservations ORDER BY id').map(toReservation);
  }
}

type ReservationRow = { job_id: string; batch_index: number; folder_id: string | null; cents: number; reserved_at: number };

function toReservation(row: ReservationRow): Reservation {
  return { jobId: row.job_id, batchIndex: row.batch_index, folderId: row.folder_id, cents: row.cents, reservedAt: row.reserved_at };
}
