import { mkdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../electron/shared/schemas/events';
import type { QueueBatch } from '../../../electron/shared/schemas/queue';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { untilEngine } from '../../support/engine/engineWaits';
import { fileSha256, uploadNameFor, writeTestJpeg } from '../../support/engine/testImages';

// The Queue page's batch counter, elapsed time, ETA and blocked states come from the engine (queue.state and the
// queue.changed events); these drive the real engine with the fake fal and check what a person would be shown.

let harness: EngineHarness | undefined;
let detach: (() => void) | undefined;
afterEach(async () => {
  detach?.();
  await harness?.close();
  harness = undefined;
});

/** Writes distinct JPEGs beside the folder; answers a function that moves them in at once, as a file manager would. */
async function stage(h: EngineHarness, prefix: string, count: number, firstSeed: number): Promise<() => Promise<void>> {
  const staging = join(h.root, 'staging');
  mkdirSync(staging, { recursive: true });
  const names = Array.from({ length: count }, (_, index) => `${prefix}-${index}.jpg`);
  await Promise.all(names.map((name, index) => writeTestJpeg(join(staging, name), firstSeed + index)));
  return async () => void (await Promise.all(names.map((name) => rename(join(staging, name), join(h.watched, name)))));
}

async function land(h: EngineHarness, prefix: string, count: number, firstSeed: number): Promise<void> {
  await (await stage(h, prefix, count, firstSeed))();
}

const PROFILE = {
  name: 'Half local',
  sizes: [
    { width: 300, height: 300, policy: 'local' as const },
    { width: 1080, height: 1080, policy: 'fal' as const },
  ],
  output: { format: 'jpeg' as const, quality: 80 },
};

describe('the batch the Queue page shows', () => {
  it('counts a 20-image batch arriving in waves: the total only grows, done only rises, one start, an ETA, progress never back', async () => {
    harness = await startEngineHarness({
      profile: PROFILE,
      settings: { concurrency: 2 },
      folder: { trusted: true },
      fakeOptions: { latency: { processingMs: 250, concurrency: 2 } },
    });
    const h = harness;
    const snapshots: QueueBatch[] = [];
    const progress = new Map<string, number[]>();
    detach = h.engine.bridgeEvents((event: ApiEvent) => {
        if (event.type === 'queue.changed' && event.queue.batch) snapshots.push(event.queue.batch);
        if (event.type === 'job.changed') progress.set(event.job.id, [...(progress.get(event.job.id) ?? []), event.job.progress]);
      },
      20,
    );
    // Sampled at every stored change too, not only through the coalesced events.
    const sample = async () => {
      const batch = (await h.api.queue.state()).batch;
      if (batch) snapshots.push(batch);
    };
    h.engine.events.on('stored', () => void sample());

    // Made beforehand; one image of the first wave is held at fal until the last wave is in, so each wave lands
    // while the batch is still running (as a slow copy from a card would), however loaded the machine is.
    const waves = [await stage(h, 'first', 4, 1), await stage(h, 'second', 14, 10), await stage(h, 'third', 2, 40)];
    const held = h.fake.stallNext('result', { imageKey: uploadNameFor(fileSha256(join(h.root, 'staging', 'first-3.jpg'))) });
    await waves[0]!();
    await h.waitForJobs(1, ['done']);
    await waves[1]!();
    await h.waitForJobs(6, ['done']);
    await waves[2]!();
    await untilEngine(h.engine, async () => ((await h.jobs()).length === 20 ? true : undefined), { what: '20 jobs' });
    held.release();
    await h.waitForJobs(20, ['done'], 90_000);
    await untilEngine(h.engine, async () => {
      const batch = (await h.api.queue.state()).batch;
      return !batch || batch.endedAt ? true : undefined;
    }, { what: 'the batch to end' });
    await sample();

    expect(snapshots.length).toBeGreaterThan(20);
    const starts = new Set(snapshots.map((batch) => batch.startedAt));
    expect(starts.size, 'one batch from the first file to the last').toBe(1);
    for (let index = 1; index < snapshots.length; index += 1) {
      const [before, after] = [snapshots[index - 1]!, snapshots[index]!];
      expect(after.total, `total at snapshot ${index}`).toBeGreaterThanOrEqual(before.total);
      expect(after.finished, `finished at snapshot ${index}`).toBeGreaterThanOrEqual(before.finished);
    }
    const last = snapshots.at(-1)!;
    expect(last).toMatchObject({ total: 20, finished: 20, failed: 0, etaAt: null, blocked: null });
    expect(last.endedAt).toBeGreaterThanOrEqual(last.startedAt);
    // Once a few images were done, while work remained, the engine gave a time left.
    const midway = snapshots.filter((batch) => batch.finished >= 2 && batch.finished < batch.total);
    expect(midway.length).toBeGreaterThan(0);
    expect(midway.every((batch) => batch.etaAt !== null)).toBe(true);

    for (const [jobId, values] of progress) {
      for (let index = 1; index < values.length; index += 1) {
        expect(values[index], `progress of ${jobId}: ${values.join(' -> ')}`).toBeGreaterThanOrEqual(values[index - 1]!);
      }
    }
    // Every job passed its half-way mark (the local size written) on the way to done.
    expect([...progress.values()].filter((values) => values.includes(0.5))).toHaveLength(20);
  }, 120_000);

  it('says what blocks the batch, with no ETA: paused, then budget, then offline', async () => {
    harness = await startEngineHarness({
      profile: PROFILE,
      settings: { concurrency: 2 },
      folder: { trusted: true },
      fakeOptions: { latency: { processingMs: 100, concurrency: 2 } },
    });
    const h = harness;
    const batch = async () => (await h.api.queue.state()).batch;

    await land(h, 'warmup', 2, 1);
    await h.waitForJobs(2, ['done']);
    h.engine.pause('user');
    await land(h, 'held', 3, 10);
    // Soon after the warm-up's two: the same batch goes on (2 finished of 5).
    const paused = await untilEngine(h.engine, async () => {
      const current = await batch();
      return current && current.total === 5 && current.blocked ? current : undefined;
    }, { what: 'a paused batch of 5' });
    expect(paused.finished).toBe(2);
    expect(paused.blocked).toEqual({ cause: 'paused', reason: 'paused by the user' });
    expect(paused.etaAt).toBeNull();

    // A daily cap below one request's price: nothing can be sent, the jobs wait on the budget.
    await h.api.budget.update({ dailyCapCents: 1 });
    h.engine.resume();
    const budget = await untilEngine(h.engine, async () => {
      const current = await batch();
      return current?.blocked?.cause === 'budget' && h.engine.queueStatus().running === 0 ? current : undefined;
    }, { what: 'a batch blocked by the budget', describe: async () => (await h.jobs()).map((job) => job.state).join(',') });
    expect(budget.blocked?.reason).toMatch(/Daily budget/);
    expect(budget.etaAt).toBeNull();
    expect(budget.total).toBe(5);

    // The cap lifted but fal unreachable: the jobs wait for the network.
    await h.fake.stop();
    await h.api.budget.update({ dailyCapCents: null });
    const offline = await untilEngine(h.engine, async () => {
      const current = await batch();
      return current?.blocked?.cause === 'offline' ? current : undefined;
    }, { what: 'a batch blocked by the network', describe: async () => (await h.jobs()).map((job) => job.state).join(',') });
    expect(offline.etaAt).toBeNull();
    expect(offline.total).toBe(5);

    await h.fake.start();
    const ended = await untilEngine(h.engine, async () => {
      const current = await batch();
      return current?.endedAt ? current : undefined;
    }, { what: 'the batch to finish once fal is back', timeoutMs: 30_000, describe: async () => (await h.jobs()).map((job) => job.state).join(',') });
    expect(ended).toMatchObject({ total: 5, finished: 5, blocked: null });
  }, 60_000);
});
