import { copyFile, mkdir, readdir, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { outputProblems } from '../../support/engine/outputChecks';
import { writeTestJpeg } from '../../support/engine/testImages';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
/** Corpus files that cannot be resized, with the refusal each must end in. */
const EXPECTED_FAILURES: Record<string, string> = {
  'truncated.jpg': 'truncated_image',
  'giant-image.jpg': 'pixel_limit_exceeded',
};

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('50 files dropped into a watched folder at once', () => {
  it('ends every file done or failed with its reason, submits each image once, and writes exact sizes', async () => {
    harness = await startEngineHarness({
      settings: { concurrency: 6 },
      // Trusted: 50 files at once is a burst, which an untrusted folder holds for the person's go-ahead.
      folder: { trusted: true },
      fakeOptions: { latency: { processingMs: 100, concurrency: 6 } },
    });
    const { watched, root, fake } = harness;
    const corpus = (await readdir(CORPUS)).filter((name) => name !== 'README.md');
    const generatedCount = 50 - corpus.length;
    // Generated images are made aside and moved in (as a file manager's move does); corpus files are copied in,
    // so the watcher also sees files that grow while it looks.
    const staging = join(root, 'staging');
    await mkdir(staging);
    const generated = Array.from({ length: generatedCount }, (_, index) => `generated-${String(index).padStart(2, '0')}.jpg`);
    await Promise.all(generated.map((name, index) => writeTestJpeg(join(staging, name), index + 1)));
    await Promise.all([
      ...generated.map((name) => rename(join(staging, name), join(watched, name))),
      ...corpus.map((name) => copyFile(join(CORPUS, name), join(watched, name))),
    ]);

    const finished = await harness.waitForJobs(50, ['done', 'failed'], 150_000);
    const jobs = await harness.jobs();
    expect(jobs).toHaveLength(50);
    expect(finished).toHaveLength(50);
    expect(new Set(jobs.map((job) => job.sourceName))).toEqual(new Set([...generated, ...corpus]));

    const failed = jobs.filter((job) => job.state === 'failed');
    expect(Object.fromEntries(failed.map((job) => [job.sourceName, job.errorCode]))).toEqual(EXPECTED_FAILURES);
    for (const job of failed) {
      expect(job.errorMessage, job.sourceName).toContain(job.sourceName);
      expect(harness.submitsOf(job), `${job.sourceName} must not reach fal`).toHaveLength(0);
    }

    const done = jobs.filter((job) => job.state === 'done');
    for (const job of done) {
      expect(harness.submitsOf(job), `submits for ${job.sourceName}`).toHaveLength(1);
      const outputs = await harness.store.outputs.listOutputs(job.id);
      expect(outputs.map((output) => output.target).sort(), job.sourceName).toEqual(['1080x1080', '1200x628']);
      expect(await outputProblems(outputs)).toEqual([]);
    }
    // Every submit belongs to exactly one finished job: nothing was sent twice or for a file that is not a job.
    expect(fake.countSubmits()).toBe(done.length);
  }, 180_000);
});
