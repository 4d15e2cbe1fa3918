import { mkdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { pollUntil } from '../../support/engine/pollUntil';
import { writeTestJpeg } from '../../support/engine/testImages';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Most intervals [from, to) open at one moment. */
function peakOverlap(intervals: ReadonlyArray<readonly [number, number]>): number {
  const edges = intervals.flatMap(([from, to]) => [[from, 1], [to, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, step] of edges) peak = Math.max(peak, (open += step));
  return peak;
}

describe('the concurrency setting', () => {
  it('bounds the requests at fal while later jobs are prepared and uploaded meanwhile, and refills a freed slot before the finished job is written, while jobs finishing their outputs make way for the next', async () => {
    const concurrency = 2;
    // The fake would run more at once: only the engine keeps its requests to the setting.
    harness = await startEngineHarness({ settings: { concurrency }, fakeOptions: { latency: { processingMs: 100, concurrency: 8 } } });
    const { fake, watched, root } = harness;
    const seen = async () =>
      `${fake.requests({ route: 'upload' }).length} uploads, requests ${fake.jobs().map((job) => job.state).join('/')}; ` +
      (await harness?.jobs())?.map((job) => `${job.sourceName}:${job.state}`).join(', ');
    // fal keeps the first requests running until released: the jobs running ahead must get their upload in while
    // both slots are taken, however slowly a loaded machine prepares them (no race against fal's run time).
    const falBusy = fake.holdRunning();
    mkdirSync(join(root, 'staging'));
    const names = Array.from({ length: 6 }, (_, index) => `queue-${index}.jpg`);
    await Promise.all(names.map((name, index) => writeTestJpeg(join(root, 'staging', name), 900 + index)));
    await Promise.all(names.map((name) => rename(join(root, 'staging', name), join(watched, name))));

    // Work ahead: as many jobs again as there are slots are prepared and uploaded while the slots are full...
    const uploaded = (count: number) => (fake.requests({ route: 'upload' }).length >= count ? true : undefined);
    await pollUntil(() => uploaded(2 * concurrency), { timeoutMs: 40_000, what: 'the jobs running ahead to upload', describe: seen });
    // ...and none of them is submitted while fal runs `concurrency` requests.
    expect(fake.jobs().map((job) => job.state)).toEqual(Array.from({ length: concurrency }, () => 'IN_PROGRESS'));

    // fal completes the first requests while their outputs cannot be downloaded (so none is finished on the CPU
    // or written): the freed slots still go to the jobs waiting with their uploads, without waiting on that work.
    const downloads = fake.stallNext('download', { times: 1_000 });
    const falBusyAgain = fake.holdRunning();
    falBusy.release();
    await pollUntil(() => (fake.jobs().length >= 2 * concurrency ? true : undefined), { timeoutMs: 30_000, what: 'the freed slots to be refilled', describe: seen });
    // Jobs still finishing their outputs do not stop the next ones from being prepared and uploaded, so the slots are
    // refilled again the moment fal completes the requests it runs now.
    await pollUntil(() => uploaded(3 * concurrency), { timeoutMs: 40_000, what: 'the next jobs to upload while the first ones finish', describe: seen });
    expect(fake.jobs()).toHaveLength(2 * concurrency);
    downloads.release();
    falBusyAgain.release();
    await harness.waitForJobs(names.length, ['done']);

    // A request takes one of fal's runs from its submit until fal completes it (its result is then only a fetch).
    const atFal = fake.jobs().map((request) => [request.submittedAt, request.completedAt ?? Number.POSITIVE_INFINITY] as const);
    expect(atFal).toHaveLength(names.length);
    expect(peakOverlap(atFal)).toBe(concurrency);
  });
});
