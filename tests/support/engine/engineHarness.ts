import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, type EngineOptions } from '../../../electron/engine/runtime/engine';
import type { Profile, ProfileInput } from '../../../electron/engine/profiles';
import { FileFalKeyStore } from '../../../electron/engine/settings/falKeyStore';
import type { JobRecord } from '../../../electron/engine/store';
import type { JobState } from '../../../electron/engine/jobs/jobStates';
import { startFakeFal, type FakeFal } from '../fakeFal';

/** A running engine wired to a fake fal server, with a watched folder, in throw-away folders. */
export interface EngineHarness {
  readonly engine: Engine;
  readonly fake: FakeFal;
  readonly root: string;
  readonly dataDir: string;
  readonly watched: string;
  readonly profile: Profile;
  /** Resolves when a job for this source file name reaches one of the states (polls the store; no fixed sleeps). */
  waitForJob(sourceName: string, states: readonly JobState[], timeoutMs?: number): Promise<JobRecord>;
  /** Resolves when `count` jobs are in the given states. */
  waitForJobs(count: number, states: readonly JobState[], timeoutMs?: number): Promise<JobRecord[]>;
  close(): Promise<void>;
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

/** Starts the fake, creates the profile and the watched folder, and starts an engine pointed at the fake. */
export async function startEngineHarness(
  options: { profile?: ProfileInput; fakeOptions?: Parameters<typeof startFakeFal>[0]; engine?: Partial<EngineOptions>; startEngine?: boolean } = {},
): Promise<EngineHarness> {
  const root = mkdtempSync(join(tmpdir(), 'smart-resize-engine-'));
  const dataDir = join(root, 'data');
  const watched = join(root, 'photos');
  mkdirSync(watched, { recursive: true });
  const fake = await startFakeFal({ latency: { processingMs: 100, concurrency: 4 }, ...options.fakeOptions });
  new FileFalKeyStore(dataDir).write(fake.key);
  const engine = new Engine({
    dataDir,
    falHostOverride: fake.url,
    env: {},
    timing: { settleMs: 200, pollIntervalMs: 50, standbyPollMs: 200, offlineProbeMs: 300, onlineProbeMs: 2_000, tickMs: 100 },
    ...options.engine,
  });
  const profile = engine.profiles.create(options.profile ?? FAL_PROFILE);
  engine.settings.addFolder({ id: 'photos', path: watched, profileId: profile.id, enabled: true, recursive: false, polling: false, trusted: false });
  if (options.startEngine !== false) await engine.start();

  const poll = async <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const allJobs = () => engine.store.history.queryJobs({ limit: 1000 }).jobs;
  return {
    engine,
    fake,
    root,
    dataDir,
    watched,
    profile,
    waitForJob: (sourceName, states, timeoutMs = 30_000) =>
      poll(() => allJobs().find((job) => job.sourceName === sourceName && states.includes(job.state)), timeoutMs, `${sourceName} in ${states.join('/')}`),
    waitForJobs: (count, states, timeoutMs = 60_000) =>
      poll(() => {
        const matching = allJobs().filter((job) => states.includes(job.state));
        return matching.length >= count ? matching : undefined;
      }, timeoutMs, `${count} jobs in ${states.join('/')}`),
    close: async () => {
      await engine.stop().catch(() => undefined);
      await fake.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
