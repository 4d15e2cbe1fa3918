import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { RUNNING_JOB_STATES } from '../../../electron/domain/jobStates';
import { BUDGET_LOCK } from '../../../electron/engine/store/postgres/pgReservationRepository';
import { pollUntil } from '../../support/engine/pollUntil';
import { CAP_TEAM_INSTANCES, startTeamAtCap } from '../../support/team/teamAtCap';
import type { TeamRun } from '../../support/team/teamRun';

const IMAGES = 24;
/** Images the team cap leaves waiting. */
const HELD = 4;
/** The images dropped first: the stalled instance's late runs come while the team is far from its cap. */
const FIRST_WAVE = 8;
/** The instance the machine starves. */
const STALLED = CAP_TEAM_INSTANCES.indexOf('studio-a');

let run: TeamRun | undefined;
afterEach(async () => {
  await run?.cleanup();
  run = undefined;
});

describe('a team at its cap when an instance stalls (alive, but too slow to renew its leases) mid-batch', () => {
  it('lets its late runs reserve nothing for the jobs the others took over and finished, and stops at exactly the cap', async () => {
    const { team, admittedCents } = await startTeamAtCap(inject('pgUrl'), IMAGES, HELD);
    run = team;
    const stalled = team.processes[STALLED]!;
    const name = CAP_TEAM_INSTANCES[STALLED]!;
    // The first images go to the stalling instance alone (the others stopped meanwhile), so it holds jobs it has
    // claimed but not admitted when its admissions are made to wait.
    const others = team.processes.filter((watch) => watch !== stalled);
    for (const watch of others) watch.freeze();
    await team.drop(0, FIRST_WAVE);

    // Stopped at its admission of a job's request: the team's budget lock is held here meanwhile, so the run that
    // has routed its job to fal waits on it, inside its admission, when the process stops. Its transactions are then
    // ended by the server, as the store's idle-in-transaction timeout does after 30 s (here after 1 s, to keep the
    // test short), else their locks would stop the whole team and not just its leases; the admission runs again when
    // the process goes on.
    const atAdmission = async () =>
      (
        await team.db.query<{ id: string }>(
          `SELECT j.id FROM jobs j WHERE j.claimed_by = $1 AND j.state = 'preparing'
             AND EXISTS (SELECT 1 FROM events e WHERE e.job_id = j.id AND e.kind = 'job_note' AND e.data LIKE '%the profile sends this size to fal%')
             AND NOT EXISTS (SELECT 1 FROM spend_reservations r WHERE r.job_id = j.id AND r.batch_index >= 0)`,
          [name],
        )
      ).rows.map((row) => row.id);
    const endStalledTransactions = () =>
      team.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND state_change < now() - interval '1 second'`,
      );
    const claimedUnadmitted = async () =>
      (await team.db.query(
        `SELECT 1 FROM jobs j WHERE j.claimed_by = $1 AND j.state = 'preparing'
           AND NOT EXISTS (SELECT 1 FROM spend_reservations r WHERE r.job_id = j.id AND r.batch_index >= 0)`,
        [name],
      )).rowCount! > 0;
    // Taken once it has claimed a job it has not admitted (claims take that lock too); given up and taken again
    // later if that job's admission went first.
    const admitting = await pollUntil(
      async () => {
        if (!(await claimedUnadmitted())) return undefined;
        const budgetLock = await team.db.connect();
        try {
          await budgetLock.query('BEGIN');
          await budgetLock.query('SELECT pg_advisory_xact_lock($1)', [BUDGET_LOCK]);
          const jobs = await pollUntil(async () => {
            const found = await atAdmission();
            return found.length > 0 ? found : undefined;
          }, { timeoutMs: 5_000, intervalMs: 50, what: `${name} admitting a request` }).catch(() => undefined);
          if (!jobs) return undefined;
          // Its next statements (the job's request and submit reads) take no lock: given a moment it waits on it.
          await delay(1500);
          stalled.freeze();
          for (const watch of others) watch.thaw();
          return jobs;
        } finally {
          await budgetLock.query('COMMIT');
          budgetLock.release();
        }
      },
      { timeoutMs: 300_000, intervalMs: 20, what: `${name} stopped in its admission of a request` },
    );
    const held = (await team.db.query<{ id: string }>('SELECT id FROM jobs WHERE claimed_by = $1 AND state = ANY($2)', [name, [...RUNNING_JOB_STATES]])).rows.map((row) => row.id);
    expect(held).toEqual(expect.arrayContaining(admitting));

    // Its leases run out; the others take its jobs over and finish them while it is stopped.
    await pollUntil(
      async () => {
        await endStalledTransactions();
        return (await team.db.query("SELECT 1 FROM jobs WHERE id = ANY($1) AND state <> 'done'", [held])).rowCount === 0 ? true : undefined;
      },
      { timeoutMs: 300_000, intervalMs: 200, what: `the jobs ${name} held taken over and done` },
    );
    // It goes on where it stopped: its runs of those jobs reach their admissions, late, with room under the cap
    // (a reservation made then would stand beside the finished request for good). It has run a while once it has
    // renewed its heartbeat twice; then the rest of the images come.
    const thawedAt = Date.now();
    stalled.thaw();
    const beats = async () =>
      Number((await team.db.query<{ last_seen_at: string }>('SELECT last_seen_at FROM instances WHERE name = $1', [name])).rows[0]?.last_seen_at);
    const firstBeat = await pollUntil(async () => ((await beats()) > thawedAt ? beats() : undefined), { timeoutMs: 120_000, intervalMs: 50, what: `${name} running again` });
    await pollUntil(async () => ((await beats()) > firstBeat ? true : undefined), { timeoutMs: 120_000, intervalMs: 50, what: `${name} beating again` });
    await team.drop(FIRST_WAVE, IMAGES);

    const count = (jobs: Awaited<ReturnType<TeamRun['jobs']>>, state: string) => jobs.filter((job) => job.state === state).length;
    await team.waitForJobs(
      (jobs) => jobs.length === IMAGES && count(jobs, 'done') === IMAGES - HELD && count(jobs, 'waiting_budget') === HELD,
      'every image done but those the cap holds',
      300_000,
    );
    await Promise.all(team.processes.map((watch) => watch.interrupt()));

    expect(team.fake.countSubmits()).toBe(IMAGES - HELD);
    expect(await team.store.ledger.sum('charge')).toBe(admittedCents);
    expect(await team.store.reservations.total()).toBe(0);
  }, 900_000);
});
