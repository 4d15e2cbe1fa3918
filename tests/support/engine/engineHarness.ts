import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, type EngineOptions } from '../../../electron/engine/runtime/engine';
import type { ApiHandlers } from '../../../electron/shared/contract/types';
import { ProfileStore, type Profile, type ProfileInput } from '../../../electron/engine/profiles';
import { FileFalKeyStore } from '../../../electron/engine/settings/falKeyStore';
import type { SettingsPatch, WatchedFolder } from '../../../electron/engine/settings/settingsSchema';
import { SettingsStore } from '../../../electron/engine/settings/settingsStore';
import type { JobRecord, JobStore, StoreEvent } from '../../../electron/engine/store';
import type { JobState } from '../../../electron/domain/jobStates';
import { startFakeFal, type FakeFal, type RecordedRequest } from '../fakeFal';
import { untilEngine } from './engineWaits';
import { submitsForHash } from './outputChecks';
import { TEST_HOST } from './testHost';
import { openTestStore } from './testStore';

/** A running engine wired to a fake fal server, with a watched folder, in throw-away folders. */
export interface EngineHarness {
  readonly engine: Engine;
  /** The API handlers over the engine, as the UI calls them (verbs instead of the engine's parts). */
  readonly api: ApiHandlers;
  /** The job store the test opened and gave the engine, to read persisted rows (requests, outputs, the ledger). */
  readonly store: JobStore;
  /** The test's own handle on the profiles file the engine reads (read per call, so new profiles count at once). */
  readonly profiles: ProfileStore;
  readonly fake: FakeFal;
  readonly root: string;
  readonly dataDir: string;
  readonly watched: string;
  readonly folderId: string;
  readonly profile: Profile;
  /** Every job in the store, newest first. */
  jobs(): Promise<JobRecord[]>;
  /** Resolves when a job for this source file name reaches one of the states (checked on each engine event). */
  waitForJob(sourceName: string, states: readonly JobState[], timeoutMs?: number): Promise<JobRecord>;
  /** Resolves when `count` jobs are in the given states. */
  waitForJobs(count: number, states: readonly JobState[], timeoutMs?: number): Promise<JobRecord[]>;
  /** The job's stored events of one kind, oldest first (the job's log in History). */
  eventsOf(jobId: string, kind?: string): Promise<StoreEvent[]>;
  /** Submits the fake received for this job's source. */
  submitsOf(job: JobRecord): RecordedRequest[];
  close(): Promise<void>;
}

/** What startEngineHarness accepts; every field has a default. */
export interface EngineHarnessOptions {
  readonly profile?: ProfileInput;
  readonly fakeOptions?: Parameters<typeof startFakeFal>[0];
  /** Overrides of the engine's options (timing knobs replace the harness's whole timing object). */
  readonly engine?: Partial<EngineOptions>;
  /** Settings written before the engine is made (concurrency is read at construction). */
  readonly settings?: SettingsPatch;
  /**
   * A folder under the test's root the watched folder sits in, with its outputs beside it (a share a test can take
   * away whole, as an unmount does); default: the watched folder is right under the root.
   */
  readonly watchedIn?: string;
  /** Overrides of the watched folder's settings entry. */
  readonly folder?: Partial<Omit<WatchedFolder, 'id' | 'path' | 'profileId'>>;
  /** The key written to the engine's key store; default the fake's own key. */
  readonly falKey?: string;
  /** false: build everything but leave `engine.start()` to the test. */
  readonly startEngine?: boolean;
}

/** Profile used by the harness unless told otherwise: two fal sizes. */
export const FAL_PROFILE: ProfileInput = {
  name: 'Harness fal',
  sizes: [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 1200, height: 628, policy: 'fal' },
  ],
  output: { format: 'jpeg', quality: 85 },
};

/** Short timing knobs for tests: fast settle, polling and probing. */
export const HARNESS_TIMING: NonNullable<EngineOptions['timing']> = {
  settleMs: 200,
  pollIntervalMs: 50,
  standbyPollMs: 200,
  offlineProbeMs: 300,
  onlineProbeMs: 2_000,
  tickMs: 100,
  // A lost submit's request is looked for about a second (fake requests run 100 ms and are listed once ended).
  lostSubmit: { defaultRunMs: 300, marginMs: 700, lookupEveryMs: 100 },
};

/** Starts the fake, creates the profile and the watched folder, and starts an engine pointed at the fake. */
export async function startEngineHarness(options: EngineHarnessOptions = {}): Promise<EngineHarness> {
  const root = mkdtempSync(join(tmpdir(), 'smart-resize-engine-'));
  const dataDir = join(root, 'data');
  const watched = join(root, options.watchedIn ?? '', 'photos');
  mkdirSync(watched, { recursive: true });
  const fake = await startFakeFal({ latency: { processingMs: 100, concurrency: 4 }, ...options.fakeOptions });
  new FileFalKeyStore(dataDir).write(options.falKey ?? fake.key);
  if (options.settings) new SettingsStore(dataDir).update(options.settings);
  // The profile and the folder are written to the data folder before the engine reads it, as a person's earlier
  // session would have left them.
  const profiles = new ProfileStore({ dataDir });
  const profile = profiles.create(options.profile ?? FAL_PROFILE);
  const folderId = 'photos';
  new SettingsStore(dataDir).addFolder({
    id: folderId,
    path: watched,
    profileId: profile.id,
    enabled: true,
    recursive: false,
    polling: false,
    trusted: false,
    ...options.folder,
  });
  // The test opens the job store and hands it to the engine: it reads (and, rarely, writes) the very rows the engine
  // keeps, with its events pushed as the engine's own, while the engine's parts stay private.
  const store = options.engine?.openedStore ?? openTestStore(dataDir, { store: options.engine?.store, instance: options.engine?.instance, now: options.engine?.now });
  const engine = new Engine({ dataDir, falHostOverride: fake.url, env: {}, timing: HARNESS_TIMING, ...options.engine, openedStore: store });
  if (options.startEngine !== false) await engine.start();

  const jobs = async () => (await store.history.queryJobs({ limit: 1000 })).jobs;
  const summary = async () => (await jobs()).map((job) => `${job.sourceName}:${job.state}`).join(', ');
  return {
    engine,
    api: engine.api(TEST_HOST),
    store,
    profiles,
    fake,
    root,
    dataDir,
    watched,
    folderId,
    profile,
    jobs,
    waitForJob: (sourceName, states, timeoutMs = 30_000) =>
      untilEngine(engine, async () => (await jobs()).find((job) => job.sourceName === sourceName && states.includes(job.state)), {
        timeoutMs,
        what: `${sourceName} in ${states.join('/')}`,
        describe: summary,
      }),
    waitForJobs: (count, states, timeoutMs = 60_000) =>
      untilEngine(
        engine,
        async () => {
          const matching = (await jobs()).filter((job) => states.includes(job.state));
          return matching.length >= count ? matching : undefined;
        },
        { timeoutMs, what: `${count} jobs in ${states.join('/')}`, describe: summary },
      ),
    eventsOf: async (jobId, kind) =>
      ((await store.history.getJobDetail(jobId, 10_000))?.events ?? []).filter((event) => kind === undefined || event.kind === kind),
    submitsOf: (job) => submitsForHash(fake, job.contentHash),
    close: async () => {
      await engine.stop().catch(() => undefined);
      await store.close().catch(() => undefined);
      await fake.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
