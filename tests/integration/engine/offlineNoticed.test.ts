import { mkdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HARNESS_TIMING, startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { pollUntil } from '../../support/engine/pollUntil';
import { writeTestJpeg } from '../../support/engine/testImages';

/** "Within a few seconds": the client alone would retry a failed status poll for about 31 s first. */
const NOTICED_WITHIN_MS = 3_000;

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('fal going away while requests are being polled', () => {
  it('is noticed from the first failed call, not after the client retries or the next scheduled probe', async () => {
    harness = await startEngineHarness({
      settings: { concurrency: 3 },
      fakeOptions: { latency: { processingMs: 4_000, concurrency: 3 } },
      // The production probe periods (60 s online): only the jobs' own calls can tell within seconds.
      engine: { timing: { ...HARNESS_TIMING, onlineProbeMs: undefined, offlineProbeMs: undefined } },
    });
    const { engine, fake, watched, root } = harness;
    mkdirSync(join(root, 'staging'));
    const names = ['a.jpg', 'b.jpg', 'c.jpg'];
    await Promise.all(names.map((name, index) => writeTestJpeg(join(root, 'staging', name), 860 + index)));
    await Promise.all(names.map((name) => rename(join(root, 'staging', name), join(watched, name))));
    await harness.waitForJobs(names.length, ['submitted']);
    await fake.nextRequest({ route: 'status' });

    const lostAt = Date.now();
    await fake.stop();
    await pollUntil(
      async () => {
        const parked = (await harness!.jobs()).every((job) => job.state === 'waiting_network');
        return parked && engine.queueStatus().state === 'offline' ? true : undefined;
      },
      {
        timeoutMs: NOTICED_WITHIN_MS,
        intervalMs: 20,
        what: `the queue offline and every job waiting for the network within ${NOTICED_WITHIN_MS} ms`,
        describe: async () => `${engine.queueStatus().state}: ${(await harness!.jobs()).map((job) => `${job.sourceName}:${job.state}`).join(', ')}`,
      },
    );
    expect(Date.now() - lostAt).toBeLessThan(NOTICED_WITHIN_MS);

    await fake.start();
    const done = await harness.waitForJobs(names.length, ['done', 'failed'], 60_000);
    for (const job of done) {
      expect(job.state, `${job.sourceName}: ${job.errorMessage ?? ''}`).toBe('done');
      expect(job.attempts, job.sourceName).toBe(0);
      expect(harness.submitsOf(job), job.sourceName).toHaveLength(1);
    }
  }, 90_000);
});
