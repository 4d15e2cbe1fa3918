import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ProfileInput } from '../../../electron/engine/profiles';
import { openPostgresStore } from '../../../electron/engine/store/postgres/pgJobStore';
import { findOutputTempFiles, outputProblems, submitsForHash } from '../../support/engine/outputChecks';
import { pollUntil } from '../../support/engine/pollUntil';
import { fileSha256, writeTestJpeg } from '../../support/engine/testImages';
import { WatchProcess } from '../../support/engine/watchProcess';
import { startFakeFal } from '../../support/fakeFal';
import { freshDatabase } from '../../support/postgres/freshDatabase';
import { prepareTeamData } from '../../support/team/teamData';

const PROFILE: ProfileInput = { name: 'Team square', sizes: [{ width: 1080, height: 1080, policy: 'fal' }], output: { format: 'jpeg' } };
// 60 keeps CI lean; TEAM_TEST_IMAGES=300 is the full batch (bench:team times it).
const IMAGES = Number(process.env.TEAM_TEST_IMAGES ?? 60);
const INSTANCES = ['studio-a', 'studio-b', 'studio-c'];
const LEASE_MS = 1500;
const PRICE_CENTS = 20;
const HELD = 5;
const RUNNING = `('preparing', 'uploading', 'submitted', 'downloading', 'writing')`;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('three watch processes on one folder and one PostgreSQL database', () => {
  it('submits every image to fal once and writes its output once, with one killed (SIGKILL) and restarted mid-batch, and stops at the one team cap', async () => {
    const root = mkdtempSync(join(tmpdir(), 'smart-resize-team-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const folder = join(root, 'in');
    const staging = join(root, 'staging');
    mkdirSync(folder);
    mkdirSync(staging);
    const url = await freshDatabase(inject('pgUrl'));
    const fake = await startFakeFal({ renderMode: 'flat', latency: { processingMs: 150, concurrency: 8 } });
    cleanups.push(() => fake.close());

    // One team: the same profile in every instance's own data folder, the team's cap in each one's settings.
    // One team cap for all but the last HELD images (each request: one 1080x1080 image, 15 cents, plus the 5-cent
    // vision fee): a cap each instance kept on its own would let all of them through; one held by the team stops
    // exactly there.
    const capCents = (IMAGES - HELD) * PRICE_CENTS;
    const dataDirs = prepareTeamData(root, INSTANCES, PROFILE, { settleMs: 200, concurrency: 4, dailyCapCents: capCents });
    const hashes: string[] = [];
    for (let seed = 0; seed < IMAGES; seed += 1) {
      const path = join(staging, `img-${String(seed).padStart(3, '0')}.jpg`);
      await writeTestJpeg(path, seed, 96, 64);
      hashes.push(fileSha256(path));
    }

    const start = (index: number) =>
      WatchProcess.start({
        folder,
        profile: PROFILE.name,
        dataDir: dataDirs[index]!,
        fake,
        args: ['--store', url, '--instance', INSTANCES[index]!, '--trusted'],
        // Short leases, so the test sees a dead instance's claims taken over in seconds.
        env: { SMART_RESIZE_LEASE_MS: String(LEASE_MS) },
      });
    const processes = await Promise.all(INSTANCES.map((_name, index) => start(index)));
    const stopAll = async () => void (await Promise.all(processes.map((process) => process.kill9())));
    cleanups.push(stopAll);
    for (const name of readdirSync(staging)) await rename(join(staging, name), join(folder, name));

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    cleanups.push(() => client.end());
    const heldBy = async (instance: string) =>
      (await client.query<{ id: string; state: string }>(`SELECT id, state FROM jobs WHERE claimed_by = $1 AND state IN ${RUNNING}`, [instance])).rows;

    // Mid-batch, while b holds jobs with fal request ids, b dies without a word. Its leases run out and the others
    // take its jobs over, resuming those with a request id by that id; then b comes back under the same name.
    await pollUntil(
      async () => (fake.countSubmits() >= IMAGES / 4 && (await heldBy('studio-b')).some((job) => job.state === 'submitted') ? true : undefined),
      { timeoutMs: 120_000, intervalMs: 20, what: 'b holding a submitted job, a quarter of the way' },
    );
    await processes[1]!.kill9();
    const orphaned = (await heldBy('studio-b')).map((job) => job.id);
    expect(orphaned.length).toBeGreaterThan(0);
    await pollUntil(
      async () => {
        const rows = (await client.query<{ n: string }>('SELECT count(*) AS n FROM jobs WHERE id = ANY($1) AND claimed_by = $2', [orphaned, 'studio-b'])).rows;
        return Number(rows[0]?.n) === 0 ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100, what: "b's jobs taken over after its lease ran out" },
    );
    processes[1] = await start(1);

    const store = openPostgresStore(url, { instance: 'observer' });
    cleanups.push(() => store.close());
    await pollUntil(
      async () => {
        const page = await store.history.queryJobs({ limit: IMAGES + 10 });
        const done = page.jobs.filter((job) => job.state === 'done').length;
        const held = page.jobs.filter((job) => job.state === 'waiting_budget').length;
        return page.jobs.length === IMAGES && done === IMAGES - HELD && held === HELD ? true : undefined;
      },
      {
        timeoutMs: 240_000,
        intervalMs: 500,
        what: 'every image done but those the cap holds',
        describe: async () => {
          const page = await store.history.queryJobs({ limit: IMAGES + 10 });
          const states = new Map<string, number>();
          for (const job of page.jobs) states.set(job.state, (states.get(job.state) ?? 0) + 1);
          return `${page.jobs.length} jobs: ${JSON.stringify(Object.fromEntries(states))}\n${processes.map((p) => p.text.slice(-600)).join('\n---\n')}`;
        },
      },
    );
    await Promise.all(processes.map((process) => process.interrupt()));

    const jobs = (await store.history.queryJobs({ limit: IMAGES + 10 })).jobs;
    expect(jobs).toHaveLength(IMAGES);
    expect(new Set(jobs.map((job) => job.contentHash))).toEqual(new Set(hashes));
    // Every image admitted was paid for once, by whichever instance claimed it, with its one output recorded once
    // and whole; the images the cap holds were never sent.
    const done = jobs.filter((job) => job.state === 'done');
    const wrongCount = jobs.filter((job) => submitsForHash(fake, job.contentHash).length !== (job.state === 'done' ? 1 : 0));
    expect(wrongCount.map((job) => `${job.sourceName} ${job.state}`)).toEqual([]);
    expect(fake.countSubmits()).toBe(IMAGES - HELD);
    for (const job of done) {
      const outputs = await store.outputs.listOutputs(job.id);
      expect(outputs, job.sourceName).toHaveLength(1);
      expect(await outputProblems(outputs), job.sourceName).toEqual([]);
    }
    const written = readdirSync(join(root, 'in-1080x1080')).sort();
    expect(written).toEqual(done.map((job) => job.sourceName).sort());
    expect(findOutputTempFiles(root, dataDirs.map((dir) => dir.slice(root.length + 1)))).toEqual([]);

    // The taken-over jobs were finished by another instance; the work was shared; the team's ledger stayed under
    // its one cap.
    const finishers = (await client.query<{ made_by: string }>('SELECT made_by FROM jobs WHERE id = ANY($1)', [orphaned])).rows;
    expect(finishers.filter((row) => row.made_by === 'studio-b')).toEqual([]);
    const makers = (await client.query<{ made_by: string; jobs: string }>('SELECT made_by, count(*) AS jobs FROM jobs GROUP BY made_by')).rows;
    expect(makers.length, JSON.stringify(makers)).toBeGreaterThan(1);
    expect(await store.ledger.sum('charge')).toBe(capCents);
    expect(await store.reservations.total()).toBe(0);
  }, 300_000);
});
