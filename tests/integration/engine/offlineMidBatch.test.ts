import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { HARNESS_TIMING, startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { outputProblems } from '../../support/engine/outputChecks';
import { untilEngine } from '../../support/engine/engineWaits';
import { fileSha256, uploadNameFor, writeTestJpeg } from '../../support/engine/testImages';

/** The spec: waiting jobs go out by themselves within 5 s of the network coming back. */
const BACK_WITHIN_MS = 5_000;
/** The harness's monitor probes every 2 s while online; this leaves room for a loaded machine. */
const PARKED_WITHIN_MS = 12_000;
let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('fal unreachable for a while in the middle of a batch', () => {
  it('parks jobs in waiting_network without using attempts, shows the queue offline, and finishes all after it returns', async () => {
    harness = await startEngineHarness({
      settings: { concurrency: 2 },
      fakeOptions: { latency: { processingMs: 400, concurrency: 2 } },
      // The production probe period while offline (2 s), so the 5 s promise is checked as shipped.
      engine: { timing: { ...HARNESS_TIMING, offlineProbeMs: undefined } },
    });
    const { engine, fake, watched, root, store } = harness;
    const names = Array.from({ length: 10 }, (_, index) => `batch-${index}.jpg`);
    mkdirSync(join(root, 'staging'));
    await Promise.all(names.map((name, index) => writeTestJpeg(join(root, 'staging', name), 200 + index)));
    await Promise.all(names.map((name) => rename(join(root, 'staging', name), join(watched, name))));

    // One job is caught polling fal's status when fal goes away: the client would retry that poll by itself for
    // about 31 s (1+2+4+8+16 s), sleeping through the outage and past its end.
    const polling = fake.stallNext('status', { imageKey: uploadNameFor(fileSha256(join(watched, 'batch-3.jpg'))) });
    await Promise.all([harness.waitForJobs(2, ['done']), polling.waitUntilStalled()]);
    await fake.stop();
    // The monitor notices within its 2 s probe; parking must follow it, not the client's retries.
    const parked = await untilEngine(
      engine,
      async () => {
        const jobs = await harness!.jobs();
        const settled = jobs.length === names.length && jobs.every((job) => job.state === 'done' || job.state === 'waiting_network');
        // Each run has ended too (its job was parked by the run itself, just before it returned).
        return settled && engine.queueStatus().state === 'offline' && engine.queueStatus().running === 0 ? jobs : undefined;
      },
      { timeoutMs: PARKED_WITHIN_MS, what: 'every unfinished job in waiting_network and the queue offline', describe: () => summary(harness!) },
    );
    expect(parked.filter((job) => job.state === 'waiting_network').length).toBeGreaterThan(0);
    expect(parked.map((job) => job.attempts)).toEqual(parked.map(() => 0));
    expect(engine.queueStatus()).toMatchObject({ state: 'offline', online: false, running: 0 });

    await fake.start();
    await untilEngine(
      engine,
      async () => ((await harness!.jobs()).some((job) => job.state !== 'waiting_network' && job.state !== 'done') ? true : undefined),
      { timeoutMs: BACK_WITHIN_MS, what: `a waiting job dispatched within ${BACK_WITHIN_MS} ms of fal returning`, describe: () => summary(harness!) },
    );
    expect(engine.queueStatus().state).toBe('running');

    const done = await harness.waitForJobs(names.length, ['done', 'failed'], 60_000);
    for (const job of done) {
      expect(job.state, `${job.sourceName}: ${job.errorMessage ?? ''}`).toBe('done');
      expect(job.attempts, job.sourceName).toBe(0);
      expect((await store.requests.listRequests(job.id)).filter((request) => request.state === 'completed'), job.sourceName).toHaveLength(1);
      expect(await outputProblems(await store.outputs.listOutputs(job.id))).toEqual([]);
    }
  }, 120_000);
});

async function summary(harness: EngineHarness): Promise<string> {
  const status = harness.engine.queueStatus();
  return `${status.state} ${(await harness.jobs()).map((job) => `${job.sourceName}:${job.state}/${job.attempts}`).join(', ')}`;
}
