import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import { Engine, type EngineOptions } from '../../../electron/engine/runtime/engine';
import { ProfileStore } from '../../../electron/engine/profiles';
import type { JobStore } from '../../../electron/engine/store';
import { FileFalKeyStore } from '../../../electron/engine/settings/falKeyStore';
import { SettingsStore } from '../../../electron/engine/settings/settingsStore';
import type { SettingsPatch } from '../../../electron/engine/settings/settingsSchema';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { ApiHandlers } from '../../../electron/shared/contract/types';
import { HARNESS_TIMING } from '../../support/engine/engineHarness';
import { untilEngine } from '../../support/engine/engineWaits';
import { pollUntil } from '../../support/engine/pollUntil';
import { openTestStore } from '../../support/engine/testStore';
import { writeTestJpeg } from '../../support/engine/testImages';
import { startFakeFal, type FakeFal } from '../../support/fakeFal';

// Every setting the Settings page saves takes effect in the running engine, without a restart.

const host: HostServices = { openPath: async () => undefined, revealPath: async () => undefined, pickFolder: async () => null, keyStorage: 'file' };

/** A network where fal's own hosts cannot be reached, only loopback (the fake fal, reached as a proxy). */
const loopbackOnly: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1') throw new TypeError('fetch failed', { cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${url.hostname}`), { code: 'ENOTFOUND' }) });
  return fetch(input, init);
};

interface Rig {
  engine: Engine;
  /** The test's own handles on the engine's data folder: persisted jobs and the profiles file. */
  store: JobStore;
  profiles: ProfileStore;
  fake: FakeFal;
  root: string;
  call(verb: string, input?: unknown): Promise<never>;
}

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.engine.stop();
  await rig?.store.close();
  await rig?.fake.close();
  if (rig) rmSync(rig.root, { recursive: true, force: true });
  rig = undefined;
});

async function startRig(options: { settings?: SettingsPatch; engine?: Partial<EngineOptions> } = {}): Promise<Rig> {
  const root = mkdtempSync(join(tmpdir(), 'smart-resize-settings-'));
  const dataDir = join(root, 'data');
  const fake = await startFakeFal({ latency: { processingMs: 50, concurrency: 4 } });
  new FileFalKeyStore(dataDir).write(fake.key);
  if (options.settings) new SettingsStore(dataDir).update(options.settings);
  const engine = new Engine({ dataDir, env: {}, falHostOverride: fake.url, timing: HARNESS_TIMING, ...options.engine });
  const api: ApiHandlers = engine.api(host);
  await engine.start();
  const call = async (verb: string, input?: unknown) => {
    const result = await dispatchCall(api, verb, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as never;
  };
  rig = { engine, store: openTestStore(dataDir), profiles: new ProfileStore({ dataDir }), fake, root, call };
  return rig;
}

const jobState = async (r: Rig, id: string) => (await r.store.jobs.getJob(id))?.state;

async function dropOne(r: Rig, name: string, seed: number, profileId: string): Promise<string> {
  mkdirSync(join(r.root, 'drops'), { recursive: true });
  const path = join(r.root, 'drops', name);
  await writeTestJpeg(path, seed, 320, 240);
  const queued = (await r.call('jobs.enqueuePaths', { paths: [path], profileId })) as { jobIds: string[] };
  expect(queued.jobIds).toHaveLength(1);
  return queued.jobIds[0]!;
}

const FAL_SIZES = { name: 'Square at fal', sizes: [{ width: 1080, height: 1080, policy: 'fal' as const }], output: { format: 'jpeg' as const, quality: 80 } };

describe('settings apply at once', () => {
  it('a fal proxy URL saved while running carries the next job, where fal itself cannot be reached', async () => {
    // No host override: the engine talks to fal's real hosts, which this network cannot reach.
    const r = await startRig({ engine: { falHostOverride: undefined, fetch: loopbackOnly } });
    const profile = r.profiles.create(FAL_SIZES);
    await r.call('settings.update', { falProxyUrl: r.fake.proxyUrl });
    const jobId = await dropOne(r, 'via-proxy.jpg', 501, profile.id);
    await untilEngine(r.engine, async () => ((await jobState(r, jobId)) === 'done' ? true : undefined), {
      what: 'the job done through the proxy',
      timeoutMs: 15_000,
      describe: () => `state ${String(r.engine.queueStatus().state)}, fake saw ${r.fake.requests().length} calls`,
    });
    const submits = r.fake.requests().filter((request) => request.route === 'submit');
    expect(submits.map((request) => request.viaProxy)).toEqual([true]);
  });

  it('a settle time saved while running applies to files already waiting in a watched folder', async () => {
    // A minute's settle time, from settings (no test override): a file would wait that long.
    const r = await startRig({ settings: { settleMs: 60_000 }, engine: { timing: { ...HARNESS_TIMING, settleMs: undefined } } });
    const profile = r.profiles.create({ ...FAL_SIZES, sizes: [{ width: 64, height: 64, policy: 'local' }] });
    const watched = join(r.root, 'watched');
    mkdirSync(watched);
    await r.call('folders.add', { path: watched, profileId: profile.id });
    await writeTestJpeg(join(watched, 'waiting.jpg'), 502, 160, 120);
    // No engine event comes when a file starts to settle (an event wait here timed out), so this one is polled.
    await pollUntil(() => (r.engine.folderStatuses()[0]?.pendingFiles === 1 ? true : undefined), { what: 'the file seen and settling' });

    const saved = (await r.call('settings.update', { settleMs: 200 })) as { settleMs: number };
    expect(saved.settleMs).toBe(200);
    // Far sooner than the minute it was waiting for.
    await untilEngine(r.engine, async () => ((await r.store.history.queryJobs({ limit: 10 })).jobs.length === 1 ? true : undefined), {
      what: 'a job for the settled file',
      timeoutMs: 10_000,
    });
  });

  it('the default provider set to local makes the next fal-sized job locally, and back to fal sends the next one to fal', async () => {
    const r = await startRig();
    const profile = r.profiles.create(FAL_SIZES);
    await r.call('settings.update', { defaultProvider: 'local' });
    const local = await dropOne(r, 'local.jpg', 503, profile.id);
    await untilEngine(r.engine, async () => ((await jobState(r, local)) === 'done' ? true : undefined), { what: 'the local job done' });
    expect(r.fake.requests().filter((request) => request.route === 'submit')).toEqual([]);

    await r.call('settings.update', { defaultProvider: 'fal' });
    const fal = await dropOne(r, 'fal.jpg', 504, profile.id);
    await untilEngine(r.engine, async () => ((await jobState(r, fal)) === 'done' ? true : undefined), { what: 'the fal job done' });
    expect(r.fake.requests().filter((request) => request.route === 'submit')).toHaveLength(1);
  });

  it('a daily cap saved while running holds the next fal job, and raising it lets the job go', async () => {
    const r = await startRig();
    const profile = r.profiles.create(FAL_SIZES);
    await r.call('budget.update', { dailyCapCents: 0 });
    const jobId = await dropOne(r, 'capped.jpg', 505, profile.id);
    await untilEngine(r.engine, async () => ((await jobState(r, jobId)) === 'waiting_budget' ? true : undefined), { what: 'the job held by the cap' });
    await r.call('budget.update', { dailyCapCents: 500 });
    await untilEngine(r.engine, async () => ((await jobState(r, jobId)) === 'done' ? true : undefined), { what: 'the job done after the raise' });
  });

  it('the naming template and collision policy saved in Settings are what the next profile made from a preset gets', async () => {
    const r = await startRig();
    await r.call('settings.update', { namingTemplate: 'resized/{w}x{h}/{name}.{ext}', collisionPolicy: 'overwrite' });
    const profile = (await r.call('profiles.createFromPreset', { presetId: 'builtin:youtube' })) as { naming: unknown };
    expect(profile.naming).toEqual({ template: 'resized/{w}x{h}/{name}.{ext}', collision: 'overwrite' });
  });

  it('concurrency saved while running is what the scheduler uses', async () => {
    const r = await startRig();
    await r.call('settings.update', { concurrency: 5 });
    expect(r.engine.queueStatus().concurrency).toBe(5);
  });
});
