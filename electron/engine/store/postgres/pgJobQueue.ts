import { RUNNING_JOB_STATES } from '../../../domain/jobStates';
import { recoveryStateOnStart, resumeState } from '../../../domain/jobTransitions';
import type { JobQueue, RecoveryAction, RunnableJob, RunnableOptions } from '../jobRepositories';
import { toJobRecord, type JobRow } from '../sqlite/rowMappers';
import type { HeldJob } from '../spendTypes';
import type { JobRecord } from '../types';
import type { PgContext } from './pgContext';
import { hasLiveRequest, requireJob } from './pgJobRows';
import { applyTransition } from './pgJobTransition';
import { DB_NOW_MS, pgRow, pgRows, pgRun } from './pgSql';

type RunnableRow = JobRow & { has_live_request: boolean; claimed_by: string | null };

const RUNNING_LIST = RUNNING_JOB_STATES.map((s) => `'${s}'`).join(', ');

/**
 * Runnable now: SQLite's rule (queued, due retries, waiting_network when online, unowned submitted jobs) plus
 * running jobs whose holder's lease ran out (the instance died or lost the database): they are taken over. Never
 * this instance's own: its workers still hold them (a restarted instance gets them back by recovery).
 * Only jobs this instance can make: a file dropped, uploaded or given to the CLI is on the disk of the instance that
 * found it, so only that instance runs it; a hot folder's job goes to the instances that have that folder (a team's
 * shared folder, or one watched under one id, as `watch` names a path), not to one without its output folders; and
 * a job whose profile this instance has not got (a colleague's local profile, an edited copy of a stopped team
 * preset) is left for one that has it, unless the profile is a team preset, whose versions any instance fetches.
 * Claimed anyway, such a job failed here (file not found, no such folder or profile) instead of being made there.
 */
const RUNNABLE = `
  ((state = 'queued')
   OR (state = 'retry_scheduled' AND next_attempt_at <= :now)
   OR (state = 'waiting_network' AND :online = 1)
   OR (state = 'submitted' AND claimed_at IS NULL)
   OR (:takeover = 1 AND state IN (${RUNNING_LIST}) AND lease_until < ${DB_NOW_MS} AND claimed_by IS DISTINCT FROM :me::text))
  AND (:online = 1 OR provider = 'local')
  AND (created_by = :me::text
       OR (origin IN ('folder', 'reconcile')
           AND (:folderIds::jsonb IS NULL OR folder_id IN (SELECT jsonb_array_elements_text(:folderIds::jsonb)))))
  AND (:profileIds::jsonb IS NULL
       OR profile_id IN (SELECT jsonb_array_elements_text(:profileIds::jsonb))
       OR EXISTS (SELECT 1 FROM team_presets p WHERE p.kind = 'profile' AND p.preset_id = jobs.profile_id))`;

/** The named parameters of RUNNABLE for this instance. */
function runnableParams(ctx: PgContext, now: number, limit: number, options: RunnableOptions) {
  return {
    now,
    limit,
    online: options.networkOnline === false ? 0 : 1,
    me: ctx.instance,
    takeover: ctx.mayTakeOver ? 1 : 0,
    profileIds: options.profileIds === undefined ? null : JSON.stringify(options.profileIds),
    folderIds: options.folderIds === undefined ? null : JSON.stringify(options.folderIds),
  };
}

const LIVE_REQUEST = `EXISTS (SELECT 1 FROM job_requests r WHERE r.job_id = jobs.id AND r.state IN ('submitted', 'completed'))`;

/** The scheduler's view of the shared queue: claims with leases, holds, recovery (PostgreSQL). */
export class PgJobQueue implements JobQueue {
  constructor(private readonly ctx: PgContext) {}

  async nextRunnable(now: number, limit: number, options: RunnableOptions = {}): Promise<RunnableJob[]> {
    const rows = await pgRows<RunnableRow>(
      this.ctx.client,
      `SELECT jobs.*, ${LIVE_REQUEST} AS has_live_request FROM jobs WHERE ${RUNNABLE} ORDER BY created_at, id LIMIT :limit`,
      runnableParams(this.ctx, now, limit, options),
    );
    return rows.map((row) => ({ job: toJobRecord(row), resume: row.has_live_request }));
  }

  /**
   * Takes up to `limit` runnable jobs for this instance: `FOR UPDATE SKIP LOCKED` skips rows another instance is
   * claiming this very moment, so instances never wait on each other nor get the same job. Each claimed job gets
   * this instance's name and a lease (renewed by the store while it works). A job taken over from a dead holder is
   * first put back where it can safely continue (recovery's rule), so one with a fal request id resumes by it.
   */
  async claimRunnable(now: number, limit: number, options: RunnableOptions = {}): Promise<RunnableJob[]> {
    const rows = await pgRows<RunnableRow>(
      this.ctx.client,
      `SELECT jobs.*, ${LIVE_REQUEST} AS has_live_request FROM jobs
       WHERE id IN (SELECT id FROM jobs WHERE ${RUNNABLE} ORDER BY created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
       ORDER BY created_at, id`,
      runnableParams(this.ctx, now, limit, options),
    );
    const claimed: RunnableJob[] = [];
    for (const row of rows) {
      let job = toJobRecord(row);
      const resume = row.has_live_request;
      if (RUNNING_JOB_STATES.includes(job.state) && !(job.state === 'submitted' && row.claimed_at === null)) {
        const to = recoveryStateOnStart(job.state, resume);
        const reason = `taken over from ${row.claimed_by ?? 'an instance'} whose lease ran out`;
        if (to === job.state) {
          claimed.push({ job: await this.claimSubmitted(job), resume });
          continue;
        }
        job = await applyTransition(this.ctx, job, to, { reason }, { unclaimed: true, cause: 'takeover' });
      }
      if (job.state === 'submitted') {
        claimed.push({ job: await this.claimSubmitted(job), resume });
        continue;
      }
      const to = resume ? 'submitted' : 'preparing';
      claimed.push({ job: await applyTransition(this.ctx, job, to, { reason: resume ? 'resuming the fal request' : null }), resume });
    }
    return claimed;
  }

  async holdForNetwork(reason = 'waiting for the network'): Promise<string[]> {
    const rows = await pgRows<JobRow>(
      this.ctx.client,
      `SELECT * FROM jobs WHERE provider <> 'local' AND (state = 'queued' OR (state = 'submitted' AND claimed_at IS NULL))
       ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
    );
    const moved: string[] = [];
    for (const row of rows) moved.push((await applyTransition(this.ctx, toJobRecord(row), 'waiting_network', { reason })).id);
    return moved;
  }

  async requeue(jobId: string, reason: string): Promise<JobRecord> {
    const job = await requireJob(this.ctx, jobId);
    const to = resumeState(await hasLiveRequest(this.ctx, jobId));
    if (to !== job.state) return applyTransition(this.ctx, job, to, { reason }, { unclaimed: true, cause: 'requeue' });
    await pgRun(
      this.ctx.client,
      'UPDATE jobs SET claimed_at = NULL, claimed_by = NULL, lease_until = NULL, state_reason = :reason, updated_at = :now WHERE id = :id',
      { id: jobId, reason, now: this.ctx.now() },
    );
    return requireJob(this.ctx, jobId);
  }

  /**
   * At start: the jobs this instance (by name) left in flight when it stopped go back where they can safely
   * continue, as SQLite does. Jobs other instances hold are theirs; if their holder is dead, its lease runs out
   * and a claim takes them over.
   */
  async recoverInterruptedJobs(): Promise<RecoveryAction[]> {
    const rows = await pgRows<RunnableRow>(
      this.ctx.client,
      `SELECT jobs.*, ${LIVE_REQUEST} AS has_live_request FROM jobs
       WHERE (state IN (${RUNNING_LIST}) OR claimed_at IS NOT NULL) AND (claimed_by = :me OR claimed_by IS NULL)
       ORDER BY created_at, id FOR UPDATE`,
      { me: this.ctx.instance },
    );
    const actions: RecoveryAction[] = [];
    for (const row of rows) {
      const job = toJobRecord(row);
      const to = recoveryStateOnStart(job.state, row.has_live_request);
      if (to === job.state) {
        await pgRun(this.ctx.client, 'UPDATE jobs SET claimed_at = NULL, claimed_by = NULL, lease_until = NULL WHERE id = :id', { id: job.id });
      } else {
        const reason = to === 'submitted' ? 'resuming the fal request after a restart' : 'restarted after the app stopped';
        await applyTransition(this.ctx, job, to, { reason }, { unclaimed: true, cause: 'recovery' });
      }
      actions.push({ jobId: job.id, from: job.state, to });
    }
    return actions;
  }

  async heldForBudget(): Promise<HeldJob[]> {
    const rows = await pgRows<JobRow & { burst: boolean }>(
      this.ctx.client,
      `SELECT jobs.*, EXISTS (SELECT 1 FROM burst_holds h WHERE h.job_id = jobs.id) AS burst
       FROM jobs WHERE state = 'waiting_budget' ORDER BY created_at, id`,
    );
    return rows.map((row) => ({ job: toJobRecord(row), burst: row.burst }));
  }

  /** Whether this instance holds the job's run: running and claimed by this instance, the row locked (see JobQueue). */
  async holdsRun(jobId: string): Promise<boolean> {
    const row = await pgRow<{ held: boolean }>(
      this.ctx.client,
      `SELECT coalesce(state IN (${RUNNING_LIST}) AND claimed_by = :me::text, false) AS held FROM jobs WHERE id = :jobId FOR UPDATE`,
      { jobId, me: this.ctx.instance },
    );
    return row?.held === true;
  }

  /** Claims a `submitted` job (it holds a live request) for this instance without a state change. */
  private async claimSubmitted(job: JobRecord): Promise<JobRecord> {
    await pgRun(
      this.ctx.client,
      `UPDATE jobs SET claimed_at = :now, claimed_by = :me, made_by = :me, lease_until = ${DB_NOW_MS} + :leaseMs WHERE id = :id`,
      { id: job.id, now: this.ctx.now(), me: this.ctx.instance, leaseMs: this.ctx.leaseMs },
    );
    return job;
  }
}

/** Renews the leases of every job this instance is working on; resolves how many. */
export function renewLeases(ctx: Pick<PgContext, 'client' | 'instance' | 'leaseMs'>): Promise<number> {
  return pgRun(
    ctx.client,
    `UPDATE jobs SET lease_until = ${DB_NOW_MS} + :leaseMs WHERE claimed_by = :me AND state IN (${RUNNING_LIST})`,
    { me: ctx.instance, leaseMs: ctx.leaseMs },
  );
}
