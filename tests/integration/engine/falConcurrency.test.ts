import { mkdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
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
  it('bounds the requests at fal while later jobs are prepared and uploaded meanwhile', async () => {
    const concurrency = 2;
    // The fake would run more at once: only the engine keeps its requests to the setting. Requests take long
    // enough that the jobs running ahead finish their uploads while both slots are taken.
    harness = await startEngineHarness({ settings: { concurrency }, fakeOptions: { latency: { processingMs: 1_500, concurrency: 8 } } });
    const { fake, watched, root } = harness;
    mkdirSync(join(root, 'staging'));
    const names = Array.from({ length: 6 }, (_, index) => `queue-${index}.jpg`);
    await Promise.all(names.map((name, index) => writeTestJpeg(join(root, 'staging', name), 900 + index)));
    await Promise.all(names.map((name) => rename(join(root, 'staging', name), join(watched, name))));
    await harness.waitForJobs(names.length, ['done']);

    // A request takes one of fal's runs from its submit until fal completes it (its result is then only a fetch).
    const atFal = fake.jobs().map((request) => [request.submittedAt, request.completedAt ?? Number.POSITIVE_INFINITY] as const);
    expect(atFal).toHaveLength(names.length);
    expect(peakOverlap(atFal)).toBe(concurrency);
    // Work ahead: some upload arrived while `concurrency` requests were at fal, so a freed slot is refilled at once.
    const uploads = fake.requests({ route: 'upload' }).map((record) => record.at);
    const uploadedWhileFull = uploads.filter((at) => atFal.filter(([from, to]) => from <= at && at < to).length === concurrency);
    expect(uploadedWhileFull.length).toBeGreaterThan(0);
  });
});
