import { appendFile, copyFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderConfig, WatchHarness } from './watchHarness';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Distinct bytes per name (the watcher does not decode images, so any bytes under an image extension will do). */
const bytesFor = (label: string) => Buffer.from(`image bytes of ${label} `.repeat(20));

describe('hot folder intake', () => {
  let harness: WatchHarness;
  afterEach(() => harness?.close());

  it('turns 50 files dropped at once into one job per distinct content; copies are duplicates, not jobs', async () => {
    harness = await WatchHarness.create();
    const inbox = await harness.folder('inbox');
    await harness.manager.setFolders([folderConfig('f1', inbox)]);
    await harness.manager.start();

    const names = Array.from({ length: 50 }, (_, i) => `drop-${i}.${['jpg', 'png', 'webp'][i % 3]}`);
    // The last five are copies of the first five.
    await Promise.all(names.map((name, i) => writeFile(join(inbox, name), bytesFor(i < 45 ? name : names[i - 45]!))));

    const created = await harness.waitForCount('job_created', 45);
    const duplicates = await harness.waitForCount('duplicate_ignored', 5);

    const jobs = (await harness.jobs()).filter((job) => job.state !== 'skipped');
    expect(jobs).toHaveLength(45);
    // Each copy leaves a visible record naming the job of the file it copies.
    const records = (await harness.jobs()).filter((job) => job.state === 'skipped');
    expect(records).toHaveLength(5);
    expect(duplicates.map((duplicate) => duplicate.skippedJob?.id).sort()).toEqual(records.map((record) => record.id).sort());
    expect(new Set(jobs.map((job) => job.contentHash)).size).toBe(45);
    expect(jobs.every((job) => job.folderId === 'f1' && job.profileId === 'meta' && job.profileVersion === 1 && job.state === 'queued')).toBe(true);
    expect(new Set(created.map((event) => event.job.id)).size).toBe(45);
    // Each copy points at the job of the file it copies (whichever of the two was hashed first owns it).
    for (const duplicate of duplicates) {
      const index = names.indexOf(duplicate.path.split('/').pop()!);
      const twin = index >= 45 ? names[index - 45]! : names[index + 45]!;
      expect([duplicate.path, join(inbox, twin)]).toContain(duplicate.existingJob.sourcePath);
    }
    expect(harness.manager.statuses()[0]).toMatchObject({ state: 'watching', pendingFiles: 0 });
  });

  it('makes exactly one job of a file written slowly over 3 s, after its last write, with its final size', async () => {
    harness = await WatchHarness.create();
    const inbox = await harness.folder('inbox');
    await harness.manager.setFolders([folderConfig('f1', inbox)]);
    await harness.manager.start();

    const path = join(inbox, 'slow.tif');
    await writeFile(path, 'chunk-0;');
    for (let i = 1; i <= 20; i += 1) {
      await pause(150); // well under the settle time: the file must look unfinished throughout
      await appendFile(path, `chunk-${i};`.repeat(50));
      expect(harness.events.filter((event) => event.kind === 'job_created')).toEqual([]);
    }
    const lastWrite = (await stat(path)).mtimeMs;
    const { job } = await harness.waitFor('job_created');
    expect(job.sourceSize).toBe((await stat(path)).size);
    expect(job.createdAt).toBeGreaterThanOrEqual(Math.floor(lastWrite));
    await harness.manager.reconcileAll();
    expect(await harness.jobs()).toHaveLength(1);
    expect(harness.events.filter((event) => event.kind === 'duplicate_ignored')).toEqual([]);
  });

  it('takes files present at start, and one still being written only once it is complete', async () => {
    harness = await WatchHarness.create();
    const inbox = await harness.folder('inbox');
    await harness.folder('inbox', 'sub');
    await writeFile(join(inbox, 'old-1.jpg'), bytesFor('old-1'));
    await writeFile(join(inbox, 'sub', 'old-2.png'), bytesFor('old-2'));
    const growing = join(inbox, 'growing.png');
    await writeFile(growing, 'start;');
    const writer = (async () => {
      for (let i = 0; i < 12; i += 1) {
        await pause(120);
        await appendFile(growing, `more-${i};`.repeat(40));
      }
    })();

    await harness.manager.setFolders([folderConfig('f1', inbox)]);
    await harness.manager.start();
    const early = await harness.waitForCount('job_created', 2);
    expect(early.map((event) => event.path).sort()).toEqual([join(inbox, 'old-1.jpg'), join(inbox, 'sub', 'old-2.png')]);
    expect(early.every((event) => event.job.origin === 'reconcile')).toBe(true);

    await writer;
    const late = await harness.waitFor('job_created', (event) => event.path === growing);
    expect(late.job.sourceSize).toBe((await stat(growing)).size);
    expect(await harness.jobs()).toHaveLength(3);
  });

  it('treats a renamed, copied or touched file as no new work, and changed content as new work', async () => {
    harness = await WatchHarness.create();
    const inbox = await harness.folder('inbox');
    await harness.manager.setFolders([folderConfig('f1', inbox)]);
    await harness.manager.start();

    const original = join(inbox, 'photo.jpg');
    await writeFile(original, bytesFor('photo'));
    const { job } = await harness.waitFor('job_created');

    const renamed = join(inbox, 'photo-renamed.jpg');
    await rename(original, renamed);
    expect((await harness.waitFor('duplicate_ignored', (event) => event.path === renamed)).existingJob.id).toBe(job.id);

    const copy = join(inbox, 'photo-copy.jpg');
    await copyFile(renamed, copy);
    expect((await harness.waitFor('duplicate_ignored', (event) => event.path === copy)).existingJob.id).toBe(job.id);

    const later = new Date(Date.now() + 5000);
    await utimes(copy, later, later);
    await harness.waitForCount('duplicate_ignored', 2, (event) => event.path === copy);

    await appendFile(renamed, 'an edit');
    const edited = await harness.waitFor('job_created', (event) => event.path === renamed);
    expect(edited.job.contentHash).not.toBe(job.contentHash);
    expect((await harness.jobs()).filter((record) => record.state !== 'skipped')).toHaveLength(2);
    // The renamed file and the copy each left one skipped record (touching the copy made no second one).
    const records = (await harness.jobs()).filter((record) => record.state === 'skipped');
    expect(records.map((record) => `${record.sourceName}->${record.duplicateOf === job.id}`).sort()).toEqual(['photo-copy.jpg->true', 'photo-renamed.jpg->true']);
    expect(await harness.store.seenFiles.getSeenFile(original)).toBeUndefined();
    expect((await harness.store.seenFiles.getSeenFile(renamed))?.contentHash).toBe(edited.job.contentHash);
  });
});
