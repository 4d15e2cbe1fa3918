import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { ProfileInput } from '../../../electron/engine/profiles';
import type { SettingsPatch } from '../../../electron/engine/settings/settingsSchema';
import type { JobRecord } from '../../../electron/engine/store';
import { openPostgresStore, type PostgresJobStore } from '../../../electron/engine/store/postgres/pgJobStore';
import { pollUntil } from '../engine/pollUntil';
import { fileSha256, writeTestJpeg } from '../engine/testImages';
import { WatchProcess } from '../engine/watchProcess';
import { startFakeFal, type FakeFal } from '../fakeFal';
import { prepareTeamData } from './teamData';

/** The team tests' profile: one fal size, so each image is one request (15 cents + the 5-cent vision fee). */
const TEAM_PROFILE: ProfileInput = { name: 'Team square', sizes: [{ width: 1080, height: 1080, policy: 'fal' }], output: { format: 'jpeg' } };
/** What one image of TEAM_PROFILE costs at fal. */
export const TEAM_PRICE_CENTS = 20;
/** What a claim reserves for one image of TEAM_PROFILE under the caps: its image at 4K's price (30, what the ledger records for an answer naming no tier) and the fee. */
export const TEAM_RESERVED_CENTS = 35;
/** The output folder of TEAM_PROFILE's one size, beside the watched `in`. */
export const TEAM_OUTPUT_FOLDER = 'in-1080x1080';

/** A team of real `watch` processes on one folder and one database, with the fake fal in this process. */
export interface TeamRun {
  readonly root: string;
  readonly folder: string;
  readonly fake: FakeFal;
  readonly dataDirs: readonly string[];
  /** The content hash of every image, in the order they were made. */
  readonly hashes: readonly string[];
  /** The running processes, by instance index (a restart replaces its entry). */
  readonly processes: WatchProcess[];
  /** Another instance's view of the store (for reading jobs, outputs, the ledger). */
  readonly store: PostgresJobStore;
  /** Plain connections to the database, for the team columns the store does not show. */
  readonly db: pg.Pool;
  /** Starts (or restarts) the instance at `index` under its name. */
  start(index: number): Promise<WatchProcess>;
  /** Moves the images (those from `from` up to `to`, in the order they were made) into the watched folder. */
  drop(from?: number, to?: number): Promise<void>;
  /** Every job, oldest first. */
  jobs(): Promise<JobRecord[]>;
  /** Polls until `check` of the jobs holds, describing the states and the processes' output if it never does. */
  waitForJobs(check: (jobs: JobRecord[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Kills what is left and deletes the folders. */
  cleanup(): Promise<void>;
}

/** Options of {@link startTeamRun}. */
export interface TeamRunOptions {
  readonly url: string;
  readonly instances: readonly string[];
  readonly images: number;
  readonly settings: SettingsPatch;
  /** SMART_RESIZE_LEASE_MS of every process: short, so a dead holder's claims are taken over in seconds. */
  readonly leaseMs: number;
}

/** Makes the images and the data folders, starts the fake fal and every instance (nothing is dropped yet). */
export async function startTeamRun(options: TeamRunOptions): Promise<TeamRun> {
  const root = mkdtempSync(join(tmpdir(), 'smart-resize-team-'));
  const folder = join(root, 'in');
  const staging = join(root, 'staging');
  mkdirSync(folder);
  mkdirSync(staging);
  const fake = await startFakeFal({ renderMode: 'flat', latency: { processingMs: 150, concurrency: 8 } });
  const dataDirs = prepareTeamData(root, options.instances, TEAM_PROFILE, options.settings);
  const hashes: string[] = [];
  const imageNames: string[] = [];
  for (let seed = 0; seed < options.images; seed += 1) {
    imageNames.push(`img-${String(seed).padStart(3, '0')}.jpg`);
    const path = join(staging, imageNames[seed]!);
    await writeTestJpeg(path, seed, 96, 64);
    hashes.push(fileSha256(path));
  }
  const start = (index: number) =>
    WatchProcess.start({
      folder,
      profile: TEAM_PROFILE.name,
      dataDir: dataDirs[index]!,
      fake,
      args: ['--store', options.url, '--instance', options.instances[index]!, '--trusted'],
      env: { SMART_RESIZE_LEASE_MS: String(options.leaseMs) },
    });
  const processes = await Promise.all(options.instances.map((_name, index) => start(index)));
  const store = openPostgresStore(options.url, { instance: 'test-observer' });
  const db = new pg.Pool({ connectionString: options.url, max: 2 });
  // A database outage (one test makes one) cuts idle connections; the next query opens a new one.
  db.on('error', () => undefined);
  const jobs = async () => (await store.history.queryJobs({ limit: options.images + 10 })).jobs;
  return {
    root,
    folder,
    fake,
    dataDirs,
    hashes,
    processes,
    store,
    db,
    start: async (index) => (processes[index] = await start(index)),
    drop: async (from = 0, to = options.images) => {
      for (const name of imageNames.slice(from, to)) await rename(join(staging, name), join(folder, name));
    },
    jobs,
    waitForJobs: async (check, what, timeoutMs = 480_000) => {
      await pollUntil(async () => (check(await jobs()) ? true : undefined), {
        timeoutMs,
        intervalMs: 500,
        what,
        describe: async () => {
          const states = new Map<string, number>();
          for (const job of await jobs()) states.set(job.state, (states.get(job.state) ?? 0) + 1);
          return `${JSON.stringify(Object.fromEntries(states))}\n${await moneyInFlight(db).catch((error: unknown) => `money in flight unreadable: ${String(error)}`)}\n${processes.map((watch) => watch.text.slice(-800)).join('\n---\n')}`;
        },
      });
    },
    cleanup: async () => {
      await Promise.all(processes.map((watch) => watch.kill9()));
      await store.close();
      await db.end();
      await fake.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * What holds the team's caps, for a wait that timed out: each reservation with its job's state and holder, its
 * batch's request and submit, and the charges, so a cap held by money nothing is spending says whose it is.
 */
async function moneyInFlight(db: pg.Pool): Promise<string> {
  const reserved = await db.query(
    `SELECT j.source_name, j.state, j.claimed_by, r.batch_index, r.cents, r.reserved_by,
            (SELECT string_agg(q.state, ',') FROM job_requests q WHERE q.job_id = r.job_id AND q.batch_index = r.batch_index) AS requests,
            (SELECT string_agg(s.state, ',') FROM fal_submits s WHERE s.job_id = r.job_id AND s.batch_index = r.batch_index) AS submits
     FROM spend_reservations r JOIN jobs j ON j.id = r.job_id ORDER BY r.id`,
  );
  const charged = await db.query("SELECT count(*)::int AS charges, coalesce(sum(cents), 0)::int AS cents FROM spend_ledger WHERE kind = 'charge'");
  return `reserved: ${JSON.stringify(reserved.rows)}; charged: ${JSON.stringify(charged.rows[0])}`;
}
