import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foldName } from '../../../electron/engine/output/foldedName';
import type { ProfileInput } from '../../../electron/engine/profiles';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { writeTestJpeg } from '../../support/engine/testImages';

// The spares of fal's variants in `variants/` beside a size's output always match the file: the others of the
// variant it holds, none when it holds a local making; and they are named from the name the output was given.

const PHOTO = '../shared/corpus/Landscape_1.jpg';
let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const variantsProfile = (sizes: ProfileInput['sizes'], numImagesPerSize: number): ProfileInput => ({
  name: 'Spares',
  sizes,
  output: { format: 'jpeg', quality: 85 },
  fal: { numImagesPerSize, variants: { keep: 'subfolder', naming: 'choose' } },
});

/** The spares in variants/ beside an output, by name (none when the folder is empty or absent). */
function sparesBeside(outputPath: string): string[] {
  const folder = join(dirname(outputPath), 'variants');
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

describe('the spares of fal variants', () => {
  it('leave variants/ when a method switch or a nudge makes the size locally, and come back with a restored fal version', async () => {
    harness = await startEngineHarness({
      profile: variantsProfile([{ width: 1080, height: 1080, policy: 'fal' }, { width: 1200, height: 628, policy: 'fal' }], 3),
    });
    const { api } = harness;
    copyFileSync(PHOTO, join(harness.watched, 'Landscape_1.jpg'));
    const job = await harness.waitForJob('Landscape_1.jpg', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    const outputs = (await api.jobs.detail({ id: job.id })).outputs;
    const square = outputs.find((output) => output.target === '1080x1080')!;
    const banner = outputs.find((output) => output.target === '1200x628')!;
    expect(sparesBeside(square.path)).toEqual(['Landscape_1_B.jpg', 'Landscape_1_C.jpg']);
    const bannerSpares = sparesBeside(banner.path).map((name) => [name, readFileSync(join(dirname(banner.path), 'variants', name))] as const);
    expect(bannerSpares.map(([name]) => name)).toEqual(['Landscape_1_B.jpg', 'Landscape_1_C.jpg']);
    const sparesOfSquare = async () => (await api.review.variants({ jobId: job.id })).variants.filter((variant) => variant.target === '1080x1080').map((variant) => variant.sparePath);

    // A method switch: the file is a local crop, no variant of fal's is "another" of it; the other size keeps its own.
    const switched = await api.review.switchMethod({ jobId: job.id, path: square.path, method: 'pad' });
    expect(sparesBeside(square.path)).toEqual([]);
    expect(await sparesOfSquare()).toEqual([null, null, null]);
    for (const [name, bytes] of bannerSpares) expect(readFileSync(join(dirname(banner.path), 'variants', name)).equals(bytes), name).toBe(true);

    // A nudge of it (a local making again): still none.
    await api.review.nudge({ jobId: job.id, path: square.path, window: { left: 0, top: 0, width: 400, height: 400 } });
    expect(sparesBeside(square.path)).toEqual([]);

    // The run's making restored (fal's A): its B and C are back; the switch's making restored: gone again.
    await api.review.restore({ jobId: job.id, path: square.path, version: 1 });
    expect(sparesBeside(square.path)).toEqual(['Landscape_1_B.jpg', 'Landscape_1_C.jpg']);
    await api.review.restore({ jobId: job.id, path: square.path, version: switched.version });
    expect(sparesBeside(square.path)).toEqual([]);
    expect(sparesBeside(banner.path)).toEqual(['Landscape_1_B.jpg', 'Landscape_1_C.jpg']);
  });

  it('are named from the name each output was given, so two sources whose names differ only by case never share a spare', async () => {
    harness = await startEngineHarness({ profile: variantsProfile([{ width: 1080, height: 1080, policy: 'fal' }], 2) });
    await writeTestJpeg(join(harness.watched, 'Banner.jpg'), 1, 640, 480);
    await writeTestJpeg(join(harness.watched, 'banner.JPG'), 2, 640, 480);
    const jobs = [await harness.waitForJob('Banner.jpg', ['done', 'failed']), await harness.waitForJob('banner.JPG', ['done', 'failed'])];
    const spares: string[] = [];
    for (const job of jobs) {
      expect(job.state, job.errorMessage ?? '').toBe('done');
      const [output] = (await harness.api.jobs.detail({ id: job.id })).outputs;
      const [variantB] = (await harness.api.review.variants({ jobId: job.id })).variants.filter((variant) => variant.letter === 'B');
      // variants/<the output's own stem>_B.jpg, holding this job's B.
      const stem = basename(output!.path, extname(output!.path));
      expect(variantB!.sparePath).toBe(join(dirname(output!.path), 'variants', `${stem}_B.jpg`));
      const kept = (await harness.api.review.variantImage({ jobId: job.id, target: '1080x1080', variant: 1 })).dataUrl.split(',')[1]!;
      expect(readFileSync(variantB!.sparePath!).toString('base64')).toBe(kept);
      spares.push(variantB!.sparePath!);
    }
    // Whichever source claimed its name first, the other's output and spare are "(2)": folded, no two the same.
    expect(spares.map((path) => foldName(basename(path))).sort()).toEqual(['banner (2)_b.jpg', 'banner_b.jpg']);
  });
});
