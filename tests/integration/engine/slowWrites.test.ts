import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HARNESS_TIMING, startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { outputProblems } from '../../support/engine/outputChecks';
import { makeTestJpeg, writeTestJpeg } from '../../support/engine/testImages';
import { sha256 } from '../../support/fakeFal';

/** Settle time of these tests: well above the writer's pauses, so only a finished file is stable. */
const SETTLE_MS = 500;
let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Writes `bytes` to `path` in `chunks` pieces spread over `durationMs`, as a slow copy or download does. */
async function writeSlowly(path: string, bytes: Buffer, durationMs: number, chunks: number, onFirstChunk?: () => void): Promise<void> {
  const handle = await open(path, 'w');
  try {
    const size = Math.ceil(bytes.length / chunks);
    for (let index = 0; index < chunks; index += 1) {
      await handle.write(bytes.subarray(index * size, (index + 1) * size));
      if (index === 0) onFirstChunk?.();
      await new Promise((resolve) => setTimeout(resolve, durationMs / chunks));
    }
  } finally {
    await handle.close();
  }
}

describe('files that are still being written', () => {
  it('processes a file written slowly over 3 s once, complete', async () => {
    harness = await startEngineHarness({ engine: { timing: { ...HARNESS_TIMING, settleMs: SETTLE_MS } } });
    const bytes = await makeTestJpeg(7, 1600, 1200);
    await writeSlowly(join(harness.watched, 'slow.jpg'), bytes, 3_000, 30);

    const job = await harness.waitForJob('slow.jpg', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    // One job, made from the whole file: a partial read would have another hash and size (and a second job).
    expect(await harness.jobs()).toHaveLength(1);
    expect(job.sourceSize).toBe(bytes.length);
    expect(job.contentHash).toBe(sha256(bytes));
    expect(harness.submitsOf(job)).toHaveLength(1);
    expect(harness.fake.countSubmits()).toBe(1);
    expect(await outputProblems(await harness.store.outputs.listOutputs(job.id))).toEqual([]);
  });

  it('processes files present before the start, and one still being written at start only once complete', async () => {
    harness = await startEngineHarness({ startEngine: false, engine: { timing: { ...HARNESS_TIMING, settleMs: SETTLE_MS } } });
    const { watched, engine, store } = harness;
    const present = ['before-1.jpg', 'before-2.jpg', 'before-3.jpg'];
    await Promise.all(present.map((name, index) => writeTestJpeg(join(watched, name), 20 + index)));
    const growing = await makeTestJpeg(30, 1600, 1200);
    let started: Promise<void> | undefined;
    // The engine starts while the fourth file has only its first chunk on disk.
    const writing = writeSlowly(join(watched, 'growing.jpg'), growing, 2_500, 25, () => {
      started = engine.start();
    });
    await writing;
    await started;

    await harness.waitForJobs(4, ['done', 'failed']);
    const jobs = await harness.jobs();
    expect(jobs.map((job) => `${job.sourceName}:${job.state}`).sort()).toEqual(
      ['before-1.jpg:done', 'before-2.jpg:done', 'before-3.jpg:done', 'growing.jpg:done'],
    );
    const late = jobs.find((job) => job.sourceName === 'growing.jpg')!;
    expect(late.sourceSize).toBe(growing.length);
    expect(late.contentHash).toBe(sha256(growing));
    for (const job of jobs) {
      expect(harness.submitsOf(job), job.sourceName).toHaveLength(1);
      expect(await outputProblems(await store.outputs.listOutputs(job.id))).toEqual([]);
    }
    expect(harness.fake.countSubmits()).toBe(4);
  });
});
