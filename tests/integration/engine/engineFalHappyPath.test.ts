import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('a hot folder with a fal profile', () => {
  it('turns an image dropped in the folder into exact-size outputs in sibling folders, through one fal request', async () => {
    harness = await startEngineHarness();
    copyFileSync(join(CORPUS, 'Landscape_1.jpg'), join(harness.watched, 'beach.jpg'));
    const job = await harness.waitForJob('beach.jpg', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    const outputs = await harness.store.outputs.listOutputs(job.id);
    expect(outputs.map((output) => output.target).sort()).toEqual(['1080x1080', '1200x628']);
    for (const output of outputs) {
      expect(output.path).toBe(join(harness.root, `photos-${output.target}`, 'beach.jpg'));
      const meta = await sharp(output.path).metadata();
      expect(`${meta.width}x${meta.height}`).toBe(output.target);
      expect(output.provider).toBe('fal');
      expect(output.tier).toMatch(/^[124]K$/);
    }
    expect(harness.fake.countSubmits()).toBe(1);
    const [request] = await harness.store.requests.listRequests(job.id);
    expect(request?.state).toBe('completed');
  });
});
