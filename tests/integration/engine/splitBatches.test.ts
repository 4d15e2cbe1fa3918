import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../../electron/engine/profiles';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { outputProblems } from '../../support/engine/outputChecks';
import { writeTestJpeg } from '../../support/engine/testImages';

/** Twelve fal sizes: more than the 10 one smart-resize request takes. */
const SIZES = [
  [512, 512], [600, 600], [640, 640], [720, 720], [800, 800], [900, 900],
  [1000, 1000], [1080, 1080], [1080, 1350], [1080, 1920], [1200, 628], [1280, 720],
] as const;
const PROFILE: ProfileInput = {
  name: 'Twelve sizes',
  sizes: SIZES.map(([width, height]) => ({ width, height, policy: 'fal' as const })),
  output: { format: 'jpeg', quality: 80 },
};
const LABELS = SIZES.map(([width, height]) => `${width}x${height}`);

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('a profile with more than 10 fal sizes', () => {
  it('sends two requests (10 + 2 sizes), persists both, and writes all twelve outputs', async () => {
    harness = await startEngineHarness({ profile: PROFILE, fakeOptions: { renderMode: 'flat' } });
    const { fake, watched, store } = harness;
    await writeTestJpeg(join(watched, 'many.jpg'), 800);
    const job = await harness.waitForJob('many.jpg', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');

    const requests = await store.requests.listRequests(job.id);
    expect(requests.map((request) => [request.batchIndex, request.sizes, request.state])).toEqual([
      [0, LABELS.slice(0, 10), 'completed'],
      [1, LABELS.slice(10), 'completed'],
    ]);
    const submits = harness.submitsOf(job);
    expect(submits.map((record) => (record.body as { target_sizes: string[] }).target_sizes)).toEqual([LABELS.slice(0, 10), LABELS.slice(10)]);
    expect(submits.map((record) => record.requestId)).toEqual(requests.map((request) => request.requestId));
    // Both requests use the one upload of the source.
    expect(new Set(submits.map((record) => record.uploadFileName)).size).toBe(1);
    expect(fake.requests({ route: 'upload' })).toHaveLength(1);

    const outputs = await store.outputs.listOutputs(job.id);
    expect(outputs.map((output) => output.target).sort()).toEqual([...LABELS].sort());
    expect(await outputProblems(outputs)).toEqual([]);
  });
});
