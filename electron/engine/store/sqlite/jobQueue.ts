import { RUNNING_JOB_STATES } from '../../../domain/jobStates';
import { recoveryStateOnStart, resumeState } from '../../../domain/jobTransitions';
import { applyTransition } from './jobTransition';
import { hasLiveRequest, requireJob } from './jobRows';
import { toJobRecord, type JobRow } from './rowMappers';
import { allRows, getRow, run, withTransaction } from './sqlite';
import type { StoreContext } from './storeContext';
import type { RecoveryAction, RunnableJob, RunnableOptions } from '../jobRepositories';
import type { HeldJob } from '../spendTypes';
import type { JobRecord } from '../types';

type RunnableRow = JobRow & { has_live_request: number };

const ACTIVE_LIST = RUNNING_JOB_STATES.map((s) => `'${s}'`).join(', ');

/** The scheduler's view of the store: what may run, claiming it, holding it, and recovery at start (SQLite). */
export class SqliteJobQueue {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Jobs that may start now, oldest first, without claiming them: `queued`; `retry_scheduled` whose time has come;
   * `waiting_network` when online; and `submitted` jobs no worker owns (left by recovery or a requeue).
   */
  nextRunnable(now: number, limit: number, options: RunnableOptions = {}): RunnableJob[] {
    const rows = allRows<RunnableRow>(
      this.ctx.db,
      `SELECT jobs.*,
              EXISTS (SELECT 1 FROM job_requests r
                      WHERE r.job_id = jobs.id AND r.state IN ('submitted', 'completed')) AS has_live_request
       FROM jobs
       WHERE (state = 'queued'
              OR (state = 'retry_scheduled' AND next_attempt_at <= :now)
              OR (state = 'waiting_network' AND :online = 1)
              OR (state = 'submitted' AND claimed_at IS NULL))
         AND (:online = 1 OR provider = 'local')
       ORDER BY created_at, id
       LIMIT :limit`,
      { now, limit, online: options.networkOnline === false ? 0 : 1 },
    );
    return rows.map((row) => ({ job: toJobRecord(row), resume: row.has_live_request === 1 }));
  }

  /**
   * Atomically takes up to `limit` runnable jobs for workers (pass free concurrency slots): fresh work moves to
   * `preparing`, a job with a live request to `submitted`. Claimed jobs are owned until they leave the active
   * states, so a second call never hands out the same job.
   */
  claimRunnable(now: number, limit: number, options: RunnableOptions = {}): RunnableJob[] {
    return withTransaction(this.ctx, () =>
      this.nextRunnable(now, limit, options).map(({ job, resume }) => {
        if (job.state === 'submitted') {
          run(this.ctx.db, 'UPDATE jobs SET claimed_at = :now WHERE id = :id', { id: job.id, now: this.ctx.now() });
          return { job, resume };
        }
        const to = resume ? 'submitted' : 'preparing';
        const reason = resume ? 'resuming the fal request' : null;
        return { job: applyTransition(this.ctx, job, to, { reason }), resume };
      }),
    );
  }

  /**
   * Going offline: moves every `queued` job that needs fal, and every unowned `submitted` one, to `waiting_network`
   * so the UI shows why they wait. No attempt is counted. Returns the ids moved.
   */
  holdForNetwork(reason = 'waiting for the network'): string[] {
    return withTransaction(this.ctx, () => {
      const rows = allRows<JobRow>(
        this.ctx.db,
        `SELECT * FROM jobs
         WHERE provider <> 'local' AND (state = 'queued' OR (state = 'submitted' AND claimed_at IS NULL))`,
      );
      return rows.map((row) => applyTransition(this.ctx, toJobRecord(row), 'waiting_network', { reason }).id);
    });
  }

  /**
   * Puts a job back in line without a worker: a budget hold released, a retry brought forward, or a worker giving
   * its job back (queue paused on a bad key). It goes to `submitted` if it has a live request, else `queued`.
   */
  requeue(jobId: string, reason: string): JobRecord {
    return withTransaction(this.ctx, () => {
      const job = requireJob(this.ctx, jobId);
      const to = resumeState(hasLiveRequest(this.ctx, jobId));
      if (to !== job.state) {
        return applyTransition(this.ctx, job, to, { reason }, { unclaimed: true, cause: 'requeue' });
      }
      run(this.ctx.db, 'UPDATE jobs SET claimed_at = NULL, state_reason = :reason, updated_at = :now WHERE id = :id', {
        id: jobId,
        reason,
        now: this.ctx.now(),
      });
      return requireJob(this.ctx, jobId);
    });
  }

  /**
   * Call once at start, before any claim: every job a previous run left in flight goes back where it can safely
   * continue (recoveryStateOnStart): before `submitted` it restarts at `queued`; from `submitted` on, a job with
   * a live request resumes at `submitted` by that id and is never submitted again. All such jobs lose their owner,
   * so `claimRunnable` hands them out again. Returns what was done.
   */
  recoverInterruptedJobs(): RecoveryAction[] {
    return withTransaction(this.ctx, () => {
      const rows = allRows<RunnableRow>(
        this.ctx.db,
        `SELECT jobs.*,
                EXISTS (SELECT 1 FROM job_requests r
                        WHERE r.job_id = jobs.id AND r.state IN ('submitted', 'completed')) AS has_live_request
         FROM jobs
         WHERE state IN (${ACTIVE_LIST}) OR claimed_at IS NOT NULL
         ORDER BY created_at, id`,
      );
      return rows.map((row) => {
        const job = toJobRecord(row);
        const to = recoveryStateOnStart(job.state, row.has_live_request === 1);
        if (to === job.state) {
          run(this.ctx.db, 'UPDATE jobs SET claimed_at = NULL WHERE id = :id', { id: job.id });
        } else {
          const reason =
            to === 'submitted' ? 'resuming the fal request after a restart' : 'restarted after the app stopped';
          applyTransition(this.ctx, job, to, { reason }, { unclaimed: true, cause: 'recovery' });
        }
        return { jobId: job.id, from: job.state, to };
      });
    });
  }

  /** Every job in `waiting_budget`, oldest first, and whether a burst (rather than a cap) holds it. */
  heldForBudget(): HeldJob[] {
    return allRows<JobRow & { burst: number }>(
      this.ctx.db,
      `SELECT jobs.*, EXISTS (SELECT 1 FROM burst_holds h WHERE h.job_id = jobs.id) AS burst
       FROM jobs WHERE state = 'waiting_budget' ORDER BY created_at, id`,
    ).map((row) => ({ job: toJobRecord(row), burst: row.burst === 1 }));
  }

  /** Whether the job is running (one instance: every running job's run is this one's). */
  holdsRun(jobId: string): boolean {
    const row = getRow<{ running: number }>(this.ctx.db, `SELECT state IN (${ACTIVE_LIST}) AS running FROM jobs WHERE id = :jobId`, { jobId });
    return row?.running === 1;
  }
}
