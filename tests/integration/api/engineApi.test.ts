import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOB_STATE_SENTENCES } from '../../../electron/domain/jobStateWords';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import { Engine } from '../../../electron/engine/runtime/engine';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { ApiHandlers } from '../../../electron/shared/contract/types';
import type { JobStore } from '../../../electron/engine/store';
import { waitForJobSettled } from '../../support/engine/engineWaits';
import { openTestStore } from '../../support/engine/testStore';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
let opened: string[] = [];
const host: HostServices = {
  openPath: async (path) => void opened.push(path),
  revealPath: async (path) => void opened.push(path),
  pickFolder: async () => null,
  keyStorage: 'plaintext-fallback',
};

let root: string;
let engine: Engine;
let store: JobStore;
let api: ApiHandlers;
const call = async (verb: string, input?: unknown) => {
  const result = await dispatchCall(api, verb, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as never;
};

// Each test gets its own data folder and engine: no test sees another's jobs, counts or key.
beforeEach(async () => {
  opened = [];
  root = mkdtempSync(join(tmpdir(), 'smart-resize-api-'));
  mkdirSync(join(root, 'drops'));
  // No fal key: everything runs on the local engine, offline.
  engine = new Engine({ dataDir: join(root, 'data'), env: {}, timing: { settleMs: 100, tickMs: 50 } });
  store = openTestStore(join(root, 'data'));
  api = engine.api(host);
  await engine.start();
});
afterEach(async () => {
  await engine.stop();
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

/** The job's detail once it finished (woken by the engine's events, not by polling). */
const detailWhenSettled = async (id: string) => {
  await waitForJobSettled({ engine, store }, id);
  return call('jobs.detail', { id });
};

describe('the engine behind the API contract', () => {
  it('creates a profile from a preset, queues a drop, and shows the finished job with its outputs', async () => {
    const profile = (await call('profiles.createFromPreset', { presetId: 'builtin:iab-display', name: 'Banners' })) as { id: string; builtIn: boolean; sizes: unknown[] };
    expect(profile.builtIn).toBe(false);
    const source = join(root, 'drops', 'beach.jpg');
    copyFileSync(join(CORPUS, 'Landscape_1.jpg'), source);
    const queued = (await call('jobs.enqueuePaths', { paths: [source], profileId: profile.id })) as { jobIds: string[] };
    expect(queued.jobIds).toHaveLength(1);
    const jobId = queued.jobIds[0] ?? '';
    const done = (await detailWhenSettled(jobId)) as { state: string; outputs: Array<{ path: string; target: string }>; log: unknown[] };
    expect(done.state).toBe('done');
    expect(done.outputs).toHaveLength(profile.sizes.length);
    expect(done.log.length).toBeGreaterThan(0);

    const again = (await call('jobs.enqueuePaths', { paths: [source], profileId: profile.id })) as { jobIds: string[]; skipped: Array<{ reason: string }> };
    expect(again.jobIds).toEqual([]);
    expect(again.skipped[0]?.reason).toBe('This image was already made with this version of the profile: see it in History.');

    const page = (await call('jobs.query', { limit: 10 })) as { items: Array<{ id: string }> };
    expect(page.items.map((item) => item.id)).toContain(jobId);
    const state = (await call('queue.state')) as { counts: { done: number } };
    expect(state.counts.done).toBe(1);

    const thumb = (await call('media.thumbnail', { path: done.outputs[0]?.path ?? '', maxSide: 64 })) as { dataUrl: string };
    expect(thumb.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    await call('shell.revealPath', { path: source });
    expect(opened).toContain(source);
  });

  it("keeps what intake did to a source in the job's log: an animated GIF's first frame, CMYK, EXIF rotation", async () => {
    const profile = (await call('profiles.createFromPreset', { presetId: 'builtin:iab-display', name: 'Odd sources' })) as { id: string };
    const names = ['rotating-squares.gif', 'Channel_digital_image_CMYK_color_no_profile.jpg', 'Landscape_6.jpg', 'Landscape_1.jpg'];
    for (const name of names) copyFileSync(join(CORPUS, name), join(root, 'drops', name));
    const queued = (await call('jobs.enqueuePaths', { paths: names.map((name) => join(root, 'drops', name)), profileId: profile.id })) as { jobIds: string[] };
    const logs = await Promise.all(queued.jobIds.map(async (id) => {
      const job = (await detailWhenSettled(id)) as { state: string; log: Array<{ state: string; message: string }> };
      expect(job.state).toBe('done');
      return job.log.filter((entry) => entry.state === 'preparing' && entry.message !== JOB_STATE_SENTENCES.preparing).map((entry) => entry.message);
    }));
    expect(logs[0]?.join()).toMatch(/animated GIF with \d+ frames: frame 1 used/);
    expect(logs[1]?.join()).toMatch(/CMYK colours converted to sRGB/);
    expect(logs[2]?.join()).toMatch(/turned upright from its EXIF orientation 6/);
    // A plain upright sRGB JPEG gets no intake note, only the line saying where each size went and why.
    expect(logs[3]?.filter((message) => !/^\d+x\d+: (local|fal), /.test(message))).toEqual([]);
    expect(logs[3]?.join()).toMatch(/300x250: local, /);
  });

  it('refuses thumbnails and reveals of files no job handled', async () => {
    await expect(call('media.thumbnail', { path: '/etc/passwd', maxSide: 64 })).rejects.toThrow(/not a source or an output/);
    await expect(call('shell.openPath', { path: join(CORPUS, 'Landscape_1.jpg') })).rejects.toThrow(/not a source or an output/);
    expect(opened).not.toContain('/etc/passwd');
  });

  it('never returns the fal key, only where it is kept', async () => {
    const status = (await call('falKey.set', { key: 'sentinel-key-123456' })) as Record<string, unknown>;
    expect(status).toEqual({ configured: true, storage: 'plaintext-fallback' });
    const settings = JSON.stringify(await call('settings.get'));
    expect(settings).not.toContain('sentinel-key-123456');
    expect(await call('falKey.clear')).toEqual({ configured: false, storage: 'none' });
  });

  it('estimates a batch as a min..max range in cents', async () => {
    // With a key: without one every size is free on the local engine (see noKeyMode.test).
    await call('falKey.set', { key: 'estimate-only-key-123' });
    const estimate = (await call('estimate.batch', { profileId: 'builtin:youtube', fileCount: 3 })) as { minCents: number; maxCents: number };
    await call('falKey.clear');
    // 1280x720 and 2560x1440, both `auto` (either may stay local: nothing is certain): at most one request of 5
    // (vision) + each image at 4K's price, 30 (the most the ledger records: an answer naming no tier is priced at 4K).
    expect(estimate).toMatchObject({ fileCount: 3, minCents: 0, maxCents: 3 * 65 });
  });

  it('answers bad input with a field-level reason', async () => {
    const result = await dispatchCall(api, 'settings.update', { concurrency: 0 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
