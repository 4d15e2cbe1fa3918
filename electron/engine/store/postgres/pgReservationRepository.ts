import { RUNNING_JOB_STATES } from '../../../domain/jobStates';
import type { ReservationRepository } from '../spendRepositories';
import type { Reservation } from '../spendTypes';
import type { PgContext } from './pgContext';
import { pgRow, pgRows, pgRun } from './pgSql';

const RUNNING_LIST = RUNNING_JOB_STATES.map((state) => `'${state}'`).join(', ');

/**
 * The one advisory lock every instance's budget check takes (an arbitrary constant: "smart-resize budget"). Held
 * until the unit ends, it makes the cap check and its reservation one step for the whole team: two instances
 * admitting at once cannot both see room for the last dollars.
 */
export const BUDGET_LOCK = 0x5352_6275;

/** Money in flight for the whole team, persisted (PostgreSQL; see ReservationRepository). */
export class PgReservationRepository implements ReservationRepository {
  private locked = false;

  constructor(private readonly ctx: PgContext) {}

  async reserve(jobId: string, batchIndex: number, folderId: string | null, cents: number): Promise<void> {
    await this.lockBudget();
    await pgRun(
      this.ctx.client,
      `INSERT INTO spend_reservations (job_id, batch_index, folder_id, cents, reserved_at, reserved_by)
       VALUES (:jobId, :batchIndex, :folderId, :cents, :now, :me)
       ON CONFLICT (job_id, batch_index) DO UPDATE SET cents = excluded.cents, reserved_at = excluded.reserved_at, reserved_by = excluded.reserved_by`,
      { jobId, batchIndex, folderId, cents, now: this.ctx.now(), me: this.ctx.instance },
    );
  }

  async remove(jobId: string, batchIndex: number): Promise<boolean> {
    return (await pgRun(this.ctx.client, 'DELETE FROM spend_reservations WHERE job_id = :jobId AND batch_index = :batchIndex', { jobId, batchIndex })) > 0;
  }

  async find(jobId: string, batchIndex: number): Promise<Reservation | undefined> {
    const row = await pgRow<ReservationRow>(this.ctx.client, 'SELECT * FROM spend_reservations WHERE job_id = :jobId AND batch_index = :batchIndex', { jobId, batchIndex });
    return row ? toReservation(row) : undefined;
  }

  removeJob(jobId: string): Promise<number> {
    return pgRun(this.ctx.client, 'DELETE FROM spend_reservations WHERE job_id = :jobId', { jobId });
  }

  async total(folderId?: string): Promise<number> {
    await this.lockBudget();
    const row = await pgRow<{ cents: number }>(
      this.ctx.client,
      'SELECT coalesce(sum(cents), 0) AS cents FROM spend_reservations WHERE (:folderId::text IS NULL OR folder_id = :folderId)',
      { folderId: folderId ?? null },
    );
    return row?.cents ?? 0;
  }

  async pruneStale(): Promise<number> {
    // The cap check starts here: take the team's budget lock before anything is read.
    await this.lockBudget();
    return pgRun(
      this.ctx.client,
      `DELETE FROM spend_reservations
       WHERE NOT EXISTS (SELECT 1 FROM job_requests r
                         WHERE r.job_id = spend_reservations.job_id AND r.batch_index = spend_reservations.batch_index
                           AND r.state = 'submitted')
         AND NOT EXISTS (SELECT 1 FROM fal_submits s
                         WHERE s.job_id = spend_reservations.job_id AND s.batch_index = spend_reservations.batch_index
                           AND s.state = 'sending')
         AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = spend_reservations.job_id AND j.state IN (${RUNNING_LIST}))`,
    );
  }

  async list(): Promise<Reservation[]> {
    return (await pgRows<ReservationRow>(this.ctx.client, 'SELECT * FROM spend_reservations ORDER BY id')).map(toReservation);
  }

  /** Takes the team's budget lock for the rest of this unit of work (once per unit). */
  private async lockBudget(): Promise<void> {
    if (this.locked) return;
    await pgRun(this.ctx.client, 'SELECT pg_advisory_xact_lock(:key)', { key: BUDGET_LOCK });
    this.locked = true;
  }
}

type ReservationRow = { job_id: string; batch_index: number; folder_id: string | null; cents: number; reserved_at: number };

function toReservation(row: ReservationRow): Reservation {
  return { jobId: row.job_id, batchIndex: row.batch_index, folderId: row.folder_id, cents: row.cents, reservedAt: row.reserved_at };
}
