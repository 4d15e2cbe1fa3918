import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foldName } from '../../../electron/engine/output/foldedName';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { writeTestJpeg } from '../../support/engine/testImages';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('two sources whose outputs differ only by case', () => {
  it('get names a case-insensitive share keeps apart (the second "name (2)"), on a case-sensitive disk too, each its own bytes', async () => {
    harness = await startEngineHarness();
    await writeTestJpeg(join(harness.watched, 'Banner.jpg'), 1);
    await writeTestJpeg(join(harness.watched, 'banner.JPG'), 2);
    const jobs = [await harness.waitForJob('Banner.jpg', ['done', 'failed']), await harness.waitForJob('banner.JPG', ['done', 'failed'])];
    const outputs = [];
    for (const job of jobs) {
      expect(job.state, job.errorMessage ?? '').toBe('done');
      outputs.push(...(await harness.api.jobs.detail({ id: job.id })).outputs.map((output) => ({ ...output, jobId: job.id })));
    }
    expect(outputs.length).toBeGreaterThan(2);
    // No two outputs share a folded path, and every file on disk is its own job's.
    expect(new Set(outputs.map((output) => foldName(output.path))).size).toBe(outputs.length);
    for (const output of outputs) expect(existsSync(output.path), output.path).toBe(true);
    const paths = outputs.map((output) => output.path);
    expect(paths.some((path) => /banner \(2\)\.\w+$/i.test(path))).toBe(true);
    const bytes = new Set(outputs.map((output) => readFileSync(output.path).toString('base64')));
    expect(bytes.size).toBe(outputs.length);
  });
});
