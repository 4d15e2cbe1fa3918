import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import { Engine } from '../../../electron/engine/runtime/engine';
import { ProfileStore } from '../../../electron/engine/profiles';
import type { ApiHandlers } from '../../../electron/shared/contract/types';
import { HARNESS_TIMING } from '../../support/engine/engineHarness';
import { untilEngine } from '../../support/engine/engineWaits';
import { writeTestJpeg } from '../../support/engine/testImages';

// With no fal key every size runs on the local engine: the estimate says so instead of quoting fal's prices, and
// the outputs of sizes set to fal say they were asked for fal and made locally.

const host: HostServices = { openPath: async () => undefined, revealPath: async () => undefined, pickFolder: async () => null, keyStorage: 'file' };

let root: string;
let engine: Engine;
let api: ApiHandlers;
let profileId: string;
const call = async (verb: string, input?: unknown): Promise<never> => {
  const result = await dispatchCall(api, verb, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as never;
};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'smart-resize-no-key-'));
  engine = new Engine({ dataDir: join(root, 'data'), env: {}, timing: HARNESS_TIMING });
  api = engine.api(host);
  await engine.start();
  profileId = new ProfileStore({ dataDir: join(root, 'data') }).create({
    name: 'Mixed',
    sizes: [
      { width: 1080, height: 1080, policy: 'fal' },
      { width: 1200, height: 628, policy: 'local' },
      { width: 1080, height: 1920, policy: 'auto' },
    ],
    output: { format: 'jpeg', quality: 80 },
  }).id;
});
afterAll(async () => {
  await engine.stop();
  rmSync(root, { recursive: true, force: true });
});

interface Detail {
  state: string;
  outputs: Array<{ target: string; provider: string; askedForFal: boolean }>;
  log: Array<{ message: string }>;
}

describe('no fal key', () => {
  it('estimates a batch as free on the local engine, saying there is no key', async () => {
    const estimate = (await call('estimate.batch', { profileId, fileCount: 4 })) as { minCents: number; maxCents: number; localOnly: string | null; sizes: Array<{ maxCents: number }> };
    expect(estimate).toMatchObject({ minCents: 0, maxCents: 0, localOnly: 'no_key' });
    expect(estimate.sizes.map((size) => size.maxCents)).toEqual([0, 0, 0]);
  });

  it('marks the output of a size set to fal as asked for fal and made locally, and says why in the log', async () => {
    mkdirSync(join(root, 'drops'), { recursive: true });
    const source = join(root, 'drops', 'no-key.jpg');
    await writeTestJpeg(source, 601, 320, 240);
    const { jobIds } = (await call('jobs.enqueuePaths', { paths: [source], profileId })) as { jobIds: string[] };
    const detail = await untilEngine(engine, async () => {
      const job = (await call('jobs.detail', { id: jobIds[0] })) as Detail;
      return job.state === 'done' ? job : undefined;
    }, { what: 'the job done' });
    const marks = Object.fromEntries(detail.outputs.map((output) => [output.target, [output.provider, output.askedForFal]]));
    // Only the size set to fal was asked for fal; "auto" sizes choose by themselves.
    expect(marks).toEqual({ '1080x1080': ['local', true], '1200x628': ['local', false], '1080x1920': ['local', false] });
    expect(detail.log.map((entry) => entry.message)).toContain('1080x1080 was set to fal and made by the local engine: no fal key is set.');
  });

  it('with a key but the local engine as default provider, the estimate says that instead', async () => {
    await call('falKey.set', { key: 'a-key-that-is-never-used' });
    await call('settings.update', { defaultProvider: 'local' });
    try {
      const estimate = (await call('estimate.batch', { profileId, fileCount: 1 })) as { maxCents: number; localOnly: string | null };
      expect(estimate).toMatchObject({ maxCents: 0, localOnly: 'provider_local' });
      await call('settings.update', { defaultProvider: 'fal' });
      const priced = (await call('estimate.batch', { profileId, fileCount: 1 })) as { maxCents: number; localOnly: string | null };
      expect(priced.localOnly).toBeNull();
      // At most the fal size and the auto size go to fal: two images, each at most 4K's 30 cents (what the ledger
      // records for an answer naming no tier), one 5 cent fee.
      expect(priced.maxCents).toBe(2 * 30 + 5);
    } finally {
      await call('falKey.clear');
      await call('settings.update', { defaultProvider: 'fal' });
    }
  });
});
