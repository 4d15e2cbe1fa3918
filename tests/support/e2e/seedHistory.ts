import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { ProfileStore } from '../../../electron/engine/profiles';
import { openJobStore } from '../../../electron/engine/store';
import { makeTestJpeg } from '../engine/testImages';

/** What seedHistory made: where the jobs' files are and how many jobs of each outcome. */
export interface SeededHistory {
  readonly jobs: number;
  readonly done: number;
  readonly failed: number;
  readonly cancelled: number;
}

const OUTPUT_SIZES = [
  { width: 1080, height: 1080 },
  { width: 1200, height: 628 },
] as const;
/** Distinct images behind the links by default: enough variety that previews are real work, few enough to make quickly. */
const DISTINCT_IMAGES = 24;
const DAY_MS = 24 * 60 * 60 * 1000;

async function writeImages(folder: string, count: number, width: number, height: number): Promise<string[]> {
  mkdirSync(folder, { recursive: true });
  const paths: string[] = [];
  for (let seed = 0; seed < count; seed += 1) {
    const path = join(folder, `image-${seed}.jpg`);
    const small = await makeTestJpeg(seed, 160, 120);
    writeFileSync(path, await sharp(small).resize(width, height, { fit: 'fill' }).jpeg({ quality: 85 }).toBuffer());
    paths.push(path);
  }
  return paths;
}

/**
 * Seeds `count` finished jobs into `<dataDir>/jobs.sqlite` through the store's own API (insert, transitions,
 * outputs) in one transaction, spread over the last 30 days: mostly done with two outputs, some failed with a
 * reason, some cancelled. Every job has its own source and output paths (hard links to a few real JPEGs under
 * `root`), so each row's preview is a separate thumbnail request, as in a real history. Used by `bench:ui` and the
 * History end-to-end tests, before the server starts.
 */
export async function seedHistory(root: string, dataDir: string, count: number, distinctImages = DISTINCT_IMAGES): Promise<SeededHistory> {
  const profile = new ProfileStore({ dataDir }).create({ name: 'Meta ads', sizes: OUTPUT_SIZES.map((size) => ({ ...size, policy: 'fal' as const })) });
  const sources = await writeImages(join(root, 'images', 'sources'), distinctImages, 1600, 1200);
  const outputs = await Promise.all(OUTPUT_SIZES.map((size) => writeImages(join(root, 'images', `${size.width}x${size.height}`), distinctImages, size.width, size.height)));
  const watched = join(root, 'Campaign');
  const outputFolders = OUTPUT_SIZES.map((size) => join(root, `Campaign-${size.width}x${size.height}`));
  for (const folder of [watched, ...outputFolders]) mkdirSync(folder, { recursive: true });

  const start = Date.now() - 30 * DAY_MS;
  let clock = start;
  const store = openJobStore(dataDir, { now: () => clock });
  const tally = { jobs: count, done: 0, failed: 0, cancelled: 0 };
  try {
    await store.transaction(async (tx) => {
      for (let index = 0; index < count; index += 1) {
        clock = start + Math.floor((index * 30 * DAY_MS) / count);
        const name = `creative-${String(index).padStart(5, '0')}.jpg`;
        const sourcePath = join(watched, name);
        linkSync(sources[index % distinctImages]!, sourcePath);
        const { job } = await tx.jobs.insertJobIfNew({
          contentHash: createHash('sha256').update(name).digest('hex'),
          profileId: profile.id,
          profileVersion: profile.version,
          sourcePath,
          sourceName: name,
          sourceSize: 200_000,
          folderId: null,
          origin: 'folder',
          provider: 'fal',
        });
        await tx.jobs.transition(job.id, 'preparing');
        if (index % 20 === 7) {
          await tx.jobs.cancel(job.id);
          tally.cancelled += 1;
          continue;
        }
        await tx.jobs.transition(job.id, 'uploading');
        if (index % 10 === 3) {
          const reason = 'The content could not be processed because it contained material flagged by a content checker.';
          await tx.jobs.transition(job.id, 'failed', { reason, errorCode: 'content_policy_violation', errorMessage: reason });
          tally.failed += 1;
          continue;
        }
        await tx.jobs.transition(job.id, 'submitted');
        await tx.jobs.transition(job.id, 'downloading');
        await tx.jobs.transition(job.id, 'writing');
        for (const [sizeIndex, size] of OUTPUT_SIZES.entries()) {
          const path = join(outputFolders[sizeIndex]!, name);
          linkSync(outputs[sizeIndex]![index % distinctImages]!, path);
          await tx.outputs.addOutput({ jobId: job.id, target: `${size.width}x${size.height}`, imageIndex: 0, path, width: size.width, height: size.height, provider: 'fal', tier: '1K', bytes: 150_000 });
        }
        clock += 40_000;
        await tx.jobs.transition(job.id, 'done');
        tally.done += 1;
      }
    });
  } finally {
    await store.close();
  }
  return tally;
}
