import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foldName } from '../../../electron/engine/output/foldedName';
import type { ProfileInput } from '../../../electron/engine/profiles';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { writeTestJpeg } from '../../support/engine/testImages';

// The spares of fal's variants in `variants/` beside a size's output always match the file: the others of the
// variant it holds, none when it holds a local making; and they are named from the name the output was given.

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

describe('the spares of fal variants', () => {
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
