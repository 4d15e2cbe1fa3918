import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foldName } from '../../../electron/engine/output/foldedName';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { writeTestJpeg } from '../../support/engine/testImages';

// A re-run at fal whose encoding differs from the output's (an `auto` format: the local making of a photo was a
// JPEG, fal's flat answer is a PNG) gives the output a new name. That name must be decided as every output name is
// (see output/caseCollisions): Banner.jpg's and banner.JPG's outputs must not become Banner.png and banner.png,
// one file on a case-insensitive share, the second re-run overwriting the first source's output there.

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('a fal re-run that changes an output encoding, for two sources whose names differ only by case', () => {
  it('re-decides each new name through the recorded names: no two outputs fold to one name, none overwrites the other', async () => {
    harness = await startEngineHarness({
      profile: { name: 'Auto square', sizes: [{ width: 1080, height: 1080, policy: 'local' }], output: { format: 'auto' } },
      fakeOptions: { renderMode: 'flat' },
    });
    const { api } = harness;
    await writeTestJpeg(join(harness.watched, 'Banner.jpg'), 11);
    await writeTestJpeg(join(harness.watched, 'banner.JPG'), 12);
    const jobs = [await harness.waitForJob('Banner.jpg', ['done', 'failed']), await harness.waitForJob('banner.JPG', ['done', 'failed'])];
    const first = [];
    for (const job of jobs) {
      expect(job.state, job.errorMessage ?? '').toBe('done');
      first.push((await api.jobs.detail({ id: job.id })).outputs[0]!);
    }
    // The run kept them apart already (whichever was written second is "... (2).jpg"), both JPEGs.
    expect(first.map((output) => foldName(output.path.split('/').pop()!)).sort()).toEqual(['banner (2).jpg', 'banner.jpg']);

    for (const [index, job] of jobs.entries()) {
      const made = await api.review.rerunFal({ jobId: job.id, path: first[index]!.path });
      expect(made).toMatchObject({ cause: 'fal_rerun', provider: 'fal' });
    }
    const after = [];
    for (const job of jobs) after.push((await api.jobs.detail({ id: job.id })).outputs[0]!);
    // Each output moved to a PNG name of its own: no two fold to one name, both files are there.
    expect(after.map((output) => output.path.endsWith('.png'))).toEqual([true, true]);
    expect(new Set(after.map((output) => foldName(output.path))).size).toBe(2);
    for (const output of after) expect(existsSync(output.path), output.path).toBe(true);
    const pngs = readdirSync(dirname(after[0]!.path)).filter((name) => name.endsWith('.png'));
    expect(new Set(pngs.map(foldName)).size, pngs.join(', ')).toBe(pngs.length);
    // A second re-run of each reuses the name just given (its own file, replaced), never a new twin.
    for (const [index, job] of jobs.entries()) await api.review.rerunFal({ jobId: job.id, path: after[index]!.path });
    for (const [index, job] of jobs.entries()) expect((await api.jobs.detail({ id: job.id })).outputs[0]!.path).toBe(after[index]!.path);
  });
});
