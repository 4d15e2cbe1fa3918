import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { findOutputTempFiles, outputProblems, submitsForHash } from '../../support/engine/outputChecks';
import { pollUntil } from '../../support/engine/pollUntil';
import { startTeamAtCap } from '../../support/team/teamAtCap';
import { TEAM_OUTPUT_FOLDER, type TeamRun } from '../../support/team/teamRun';

// 60 keeps CI lean; TEAM_TEST_IMAGES=300 is the full batch (bench:team times it).
const IMAGES = Number(process.env.TEAM_TEST_IMAGES ?? 60);
/** Images the team cap leaves waiting. */
const HELD = 5;
const RUNNING = `('preparing', 'uploading', 'submitted', 'downloading', 'writing')`;

let run: TeamRun | undefined;
afterEach(async () => {
  await run?.cleanup();
  run = undefined;
});

describe('three watch processes on one folder and one PostgreSQL database', () => {
  it('submits every image to fal once and writes its output once, with one killed (SIGKILL) and restarted mid-batch, and stops at the one team cap', { timeout: 900_000 }, async () => {
    const { team, admittedCents } = await startTeamAtCap(inject('pgUrl'), IMAGES, HELD);
    run = team;
    const heldBy = async (instance: string) =>
      (await team.db.query<{ id: string; state: string }>(`SELECT id, state FROM jobs WHERE claimed_by = $1 AND state IN ${RUNNING}`, [instance])).rows;
    await team.drop();

    // Mid-batch, while b holds jobs with fal request ids, b dies without a word. Its leases run out and the others
    // take its jobs over, resuming those with a request id by that id; then b comes back under the same name.
    await pollUntil(
      async () => (team.fake.countSubmits() >= IMAGES / 4 && (await heldBy('studio-b')).some((job) => job.state === 'submitted') ? true : undefined),
      { timeoutMs: 300_000, intervalMs: 20, what: 'b holding a submitted job, a quarter of the way' },
    );
    await team.processes[1]!.kill9();
    const orphaned = (await heldBy('studio-b')).map((job) => job.id);
    expect(orphaned.length).toBeGreaterThan(0);
    await pollUntil(
      async () => {
        const rows = (await team.db.query<{ n: string }>('SELECT count(*) AS n FROM jobs WHERE id = ANY($1) AND claimed_by = $2', [orphaned, 'studio-b'])).rows;
        return Number(rows[0]?.n) === 0 ? true : undefined;
      },
      { timeoutMs: 300_000, intervalMs: 100, what: "b's jobs taken over after its lease ran out" },
    );
    await team.start(1);

    const count = (jobs: Awaited<ReturnType<TeamRun['jobs']>>, state: string) => jobs.filter((job) => job.state === state).length;
    await team.waitForJobs(
      (jobs) => jobs.length === IMAGES && count(jobs, 'done') === IMAGES - HELD && count(jobs, 'waiting_budget') === HELD,
      'every image done but those the cap holds',
    );
    await Promise.all(team.processes.map((watch) => watch.interrupt()));

    const jobs = await team.jobs();
    expect(new Set(jobs.map((job) => job.contentHash))).toEqual(new Set(team.hashes));
    // Every image admitted was paid for once, by whichever instance claimed it, with its one output recorded once
    // and whole; the images the cap holds were never sent.
    const done = jobs.filter((job) => job.state === 'done');
    const wrongCount = jobs.filter((job) => submitsForHash(team.fake, job.contentHash).length !== (job.state === 'done' ? 1 : 0));
    expect(wrongCount.map((job) => `${job.sourceName} ${job.state}`)).toEqual([]);
    expect(team.fake.countSubmits()).toBe(IMAGES - HELD);
    for (const job of done) {
      const outputs = await team.store.outputs.listOutputs(job.id);
      expect(outputs, job.sourceName).toHaveLength(1);
      expect(await outputProblems(outputs), job.sourceName).toEqual([]);
    }
    expect(readdirSync(join(team.root, TEAM_OUTPUT_FOLDER)).sort()).toEqual(done.map((job) => job.sourceName).sort());
    expect(findOutputTempFiles(team.root, team.dataDirs.map((dir) => dir.slice(team.root.length + 1)))).toEqual([]);

    // The taken-over jobs were finished by another instance; the work was shared; the team's ledger is its one cap.
    const finishers = (await team.db.query<{ made_by: string }>('SELECT made_by FROM jobs WHERE id = ANY($1)', [orphaned])).rows;
    expect(finishers.filter((row) => row.made_by === 'studio-b')).toEqual([]);
    const makers = (await team.db.query<{ made_by: string }>('SELECT DISTINCT made_by FROM jobs WHERE made_by IS NOT NULL')).rows;
    expect(makers.length, JSON.stringify(makers)).toBeGreaterThan(1);
    expect(await team.store.ledger.sum('charge')).toBe(admittedCents);
    expect(await team.store.reservations.total()).toBe(0);
  });
});
