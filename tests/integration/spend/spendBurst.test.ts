import { mkdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import { BURST_REASON } from '../../../electron/engine/spend';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { untilEngine } from '../../support/engine/engineWaits';
import { writeTestJpeg } from '../../support/engine/testImages';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const host: HostServices = { openPath: async () => undefined, revealPath: async () => undefined, pickFolder: async () => null, keyStorage: 'plaintext-fallback' };

async function land(h: EngineHarness, prefix: string, count: number, firstSeed: number): Promise<void> {
  const staging = join(h.root, 'staging');
  mkdirSync(staging, { recursive: true });
  const names = Array.from({ length: count }, (_, index) => `${prefix}-${index}.jpg`);
  await Promise.all(names.map((name, index) => writeTestJpeg(join(staging, name), firstSeed + index)));
  await Promise.all(names.map((name) => rename(join(staging, name), join(h.watched, name))));
}

const withPrefix = async (h: EngineHarness, prefix: string) => (await h.jobs()).filter((job) => job.sourceName.startsWith(prefix));
/** The `count` jobs of `prefix`, once each is done or held and nothing runs. */
const resting = (h: EngineHarness, prefix: string, count: number) =>
  untilEngine(h.engine, async () => {
    const jobs = await withPrefix(h, prefix);
    const still = jobs.length === count && jobs.every((job) => ['done', 'waiting_budget'].includes(job.state)) && h.engine.queueStatus().running === 0;
    return still ? jobs : undefined;
  }, { what: `${count} ${prefix} jobs done or held`, timeoutMs: 60_000, describe: async () => (await h.jobs()).map((job) => `${job.sourceName}:${job.state}`).join(', ') });

describe('a burst of files into a hot folder', () => {
  it('is held with its price range until released; the count then starts afresh', async () => {
    harness = await startEngineHarness({ settings: { burstFiles: 3, burstWindowMinutes: 1 } });
    const { engine, fake } = harness;
    const api = engine.api(host);
    // Paused, so every file of the burst is still queued when the fourth arrives and the burst is seen.
    engine.pause('user');
    await land(harness, 'burst', 5, 100);
    const held = await untilEngine(engine, async () => {
      const jobs = await withPrefix(harness!, 'burst');
      return jobs.length === 5 && jobs.every((job) => job.state === 'waiting_budget') ? jobs : undefined;
    }, { what: 'five held jobs' });
    expect(held.map((job) => job.stateReason)).toEqual(Array(5).fill(BURST_REASON));
    engine.resume();
    expect((await api.spend.held()).burst).toEqual([{ folderId: harness.folderId, jobs: 5, minCents: 5 * 35, maxCents: 5 * 65 }]);
    expect((await withPrefix(harness, 'burst')).map((job) => job.state)).toEqual(Array(5).fill('waiting_budget'));
    expect(fake.countSubmits()).toBe(0);

    expect(await api.spend.releaseBurst({ folderId: harness.folderId })).toEqual({ released: 5 });
    await harness.waitForJobs(5, ['done']);
    expect(fake.countSubmits()).toBe(5);
    // Three more within the same minute: the released burst no longer counts toward the next one.
    await land(harness, 'after', 3, 200);
    expect((await resting(harness, 'after', 3)).map((job) => job.state)).toEqual(['done', 'done', 'done']);
  });

  it('lets at most burstFiles through when the scheduler claims files before the burst is seen; a trusted folder is never held', async () => {
    harness = await startEngineHarness({ settings: { burstFiles: 3, burstWindowMinutes: 1 } });
    const { fake, api } = harness;
    await land(harness, 'running', 8, 300);
    const jobs = await resting(harness, 'running', 8);
    expect(fake.countSubmits()).toBeLessThanOrEqual(3);
    expect(jobs.filter((job) => job.state === 'done').length).toBe(fake.countSubmits());
    expect((await api.spend.held()).burst[0]?.jobs).toBe(8 - fake.countSubmits());
    expect((await api.spend.discardBurst({ folderId: harness.folderId })).cancelled).toBe(8 - fake.countSubmits());
    expect((await withPrefix(harness, 'running')).filter((job) => job.state === 'cancelled')).toHaveLength(8 - fake.countSubmits());

    await api.folders.update({ id: harness.folderId, patch: { trusted: true } });
    const before = fake.countSubmits();
    await land(harness, 'trusted', 6, 400);
    expect((await resting(harness, 'trusted', 6)).map((job) => job.state)).toEqual(Array(6).fill('done'));
    expect(fake.countSubmits()).toBe(before + 6);
  });
});
