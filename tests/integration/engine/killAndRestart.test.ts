import { watch, type FSWatcher } from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../../electron/engine/profiles';
import { openJobStore, type JobRecord, type JobStore } from '../../../electron/engine/store';
import { decodeFully, findOutputTempFiles, outputProblems, submitsForHash } from '../../support/engine/outputChecks';
import { pollUntil } from '../../support/engine/pollUntil';
import { uploadNameFor, writeTestJpeg } from '../../support/engine/testImages';
import { prepareWatchData, WatchProcess } from '../../support/engine/watchProcess';
import { sha256, startFakeFal, type FakeFal } from '../../support/fakeFal';

/** Three sizes, four images each: twelve PNG files per job, so writing a job takes a while and can be cut. */
const PROFILE: ProfileInput = {
  name: 'Crash test',
  sizes: [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 1080, height: 1350, policy: 'fal' },
    { width: 1080, height: 1920, policy: 'fal' },
  ],
  output: { format: 'png' },
  // A/B naming: each of the 4 images of a size is its own deliverable (the most files a job writes and records).
  fal: { numImagesPerSize: 4, variants: { naming: 'ab' } },
};
const SIZES = ['1080x1080', '1080x1350', '1080x1920'];
/** One source per stage the process is killed in; the name says which. */
const SOURCES = ['a-uploading.jpg', 'b-polling.jpg', 'c-downloading.jpg', 'd-writing.jpg'] as const;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('kill -9 of the watch process at every stage, then a restart', () => {
  it('loses no job, never resubmits a job that had a request id, and leaves no torn, wrong-sized or temp file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'smart-resize-kill-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const dataDir = join(root, 'data');
    const folder = join(root, 'in');
    const staging = join(root, 'staging');
    mkdirSync(folder);
    mkdirSync(staging);
    // Flat outputs keep the fake cheap; the twelve fsynced files per job still take far longer to write than a kill.
    const fake: FakeFal = await startFakeFal({ renderMode: 'flat', latency: { processingMs: 100, concurrency: 4 } });
    cleanups.push(() => fake.close());
    prepareWatchData(dataDir, PROFILE, { settleMs: 200, concurrency: 4 });

    const hashes = new Map<string, string>();
    for (const [index, name] of SOURCES.entries()) hashes.set(name, sha256(await writeTestJpeg(join(staging, name), 100 + index, 800, 600)));
    const key = (name: (typeof SOURCES)[number]) => uploadNameFor(hashes.get(name)!);
    // Each source is held at its stage by the fake: upload PUT, status poll, output download. The writing one's
    // download is held too, then released with the kill armed on its first output file.
    const stalls = {
      uploading: fake.stallNext('upload', { imageKey: key('a-uploading.jpg') }),
      polling: fake.stallNext('status', { imageKey: key('b-polling.jpg') }),
      downloading: fake.stallNext('download', { imageKey: key('c-downloading.jpg') }),
      writing: fake.stallNext('download', { imageKey: key('d-writing.jpg') }),
    };

    const first = await WatchProcess.start({ folder, profile: PROFILE.name, dataDir, fake });
    cleanups.push(() => first.kill9());
    await Promise.all(SOURCES.map((name) => rename(join(staging, name), join(folder, name))));
    await Promise.all(Object.values(stalls).map((stall) => stall.waitUntilStalled()));

    const store: JobStore = openJobStore(dataDir);
    cleanups.push(() => store.close());
    const jobOf = async (name: string): Promise<JobRecord> => {
      const job = (await store.history.queryJobs({ limit: 100 })).jobs.find((candidate) => candidate.sourceName === name);
      if (!job) throw new Error(`no job for ${name}`);
      return job;
    };
    // The jobs are another process's (the watch child): its store events do not reach this one, so this polls.
    await pollUntil(async () => ((await jobOf('d-writing.jpg')).state === 'downloading' ? true : undefined), { what: 'd in downloading' });

    // Arm the kill on the first file the writing job creates in an output folder (its hidden temp file), then let
    // its last download through.
    const outputFolders = SIZES.map((size) => join(root, `in-${size}`));
    outputFolders.forEach((path) => mkdirSync(path, { recursive: true }));
    const watchers: FSWatcher[] = outputFolders.map((path) =>
      watch(path, (_event, name) => {
        if (name?.includes('d-writing')) first.killNow();
      }),
    );
    cleanups.push(() => watchers.forEach((watcher) => watcher.close()));
    stalls.writing.release();
    await first.exit();
    watchers.forEach((watcher) => watcher.close());

    const atKill = Object.fromEntries(await Promise.all(SOURCES.map(async (name) => [name, (await jobOf(name)).state])));
    expect(atKill).toEqual({
      'a-uploading.jpg': 'uploading',
      'b-polling.jpg': 'submitted',
      'c-downloading.jpg': 'downloading',
      'd-writing.jpg': 'writing',
    });
    const requestIdsBefore = new Map(
      await Promise.all(SOURCES.map(async (name) => [name, (await store.requests.listRequests((await jobOf(name)).id)).map((r) => r.requestId)] as const)),
    );
    expect(requestIdsBefore.get('a-uploading.jpg')).toEqual([]);
    for (const name of SOURCES.slice(1)) expect(requestIdsBefore.get(name), name).toHaveLength(1);

    const second = await WatchProcess.start({ folder, profile: PROFILE.name, dataDir, fake });
    cleanups.push(() => second.kill9());
    const states = async () => Promise.all(SOURCES.map(async (name) => (await jobOf(name)).state));
    await pollUntil(async () => ((await states()).every((state) => ['done', 'failed'].includes(state)) ? true : undefined), {
      timeoutMs: 60_000,
      what: 'every job finished after the restart',
      describe: async () => `${(await states()).map((state, index) => `${SOURCES[index]}:${state}`).join(', ')}\n${second.text.slice(-1500)}`,
    });
    expect(await second.interrupt()).toBe(0);

    expect((await store.history.queryJobs({ limit: 100 })).jobs).toHaveLength(SOURCES.length);
    for (const name of SOURCES) {
      const job = await jobOf(name);
      expect(job.state, `${name}: ${job.errorMessage ?? ''}`).toBe('done');
      // One paid request per image, ever; the resumed ones kept the id they had before the kill.
      expect(submitsForHash(fake, job.contentHash), name).toHaveLength(1);
      const requests = await store.requests.listRequests(job.id);
      expect(requests.map((request) => request.state), name).toEqual(['completed']);
      if (name !== 'a-uploading.jpg') expect(requests[0]?.requestId, name).toBe(requestIdsBefore.get(name)?.[0]);
      const outputs = await store.outputs.listOutputs(job.id);
      expect(outputs, name).toHaveLength(SIZES.length * 4);
      expect(await outputProblems(outputs), name).toEqual([]);
    }

    // On disk: exactly the expected files (no "-1" copies from a resumed write), each whole and exact, no temp file.
    const stems = SOURCES.map((name) => name.replace(/\.jpg$/, ''));
    const expectedNames = stems.flatMap((stem) => ['A', 'B', 'C', 'D'].map((letter) => `${stem}_${letter}.png`)).sort();
    for (const [index, path] of outputFolders.entries()) {
      expect(readdirSync(path).sort(), path).toEqual(expectedNames);
      for (const file of readdirSync(path)) {
        const { width, height } = await decodeFully(join(path, file));
        expect(`${width}x${height}`, file).toBe(SIZES[index]);
      }
    }
    expect(findOutputTempFiles(root, ['data'])).toEqual([]);
  }, 120_000);
});
