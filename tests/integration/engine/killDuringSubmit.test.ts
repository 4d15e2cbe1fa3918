import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../../electron/engine/profiles';
import { readSpendSummary } from '../../../electron/engine/spend/reports/readSpendSummary';
import { openJobStore, type JobStore } from '../../../electron/engine/store';
import { pollUntil } from '../../support/engine/pollUntil';
import { uploadNameFor, writeTestJpeg } from '../../support/engine/testImages';
import { prepareWatchData, WatchProcess } from '../../support/engine/watchProcess';
import { sha256, startFakeFal } from '../../support/fakeFal';

const ROUNDS = 20;
const PROFILE: ProfileInput = {
  name: 'Kill during submit',
  sizes: [{ width: 1080, height: 1080, policy: 'fal' }],
  output: { format: 'jpeg', quality: 80 },
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('kill -9 after fal took the submit, before its answer was stored', () => {
  it(`${ROUNDS} times: ${ROUNDS} sources, exactly ${ROUNDS} requests at fal, each found again and used`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'smart-resize-kill-submit-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const dataDir = join(root, 'data');
    const folder = join(root, 'in');
    const staging = join(root, 'staging');
    mkdirSync(folder);
    mkdirSync(staging);
    const fake = await startFakeFal({ renderMode: 'flat', latency: { processingMs: 50, concurrency: 4 } });
    cleanups.push(() => fake.close());
    prepareWatchData(dataDir, PROFILE, { settleMs: 100, concurrency: 2 });

    for (let round = 0; round < ROUNDS; round += 1) {
      const name = `source-${String(round).padStart(2, '0')}.jpg`;
      const hash = sha256(await writeTestJpeg(join(staging, name), 900 + round, 320, 240));
      // fal creates the request (it runs and bills) and its answer is held until the process is gone.
      const held = fake.holdAnswerNext('submit', { imageKey: uploadNameFor(hash) });
      const watch = await WatchProcess.start({ folder, profile: PROFILE.name, dataDir, fake });
      cleanups.push(() => watch.kill9());
      await rename(join(staging, name), join(folder, name));
      await held.waitUntilStalled();
      await watch.kill9();
      if (round === 0) {
        // Not known by id yet, but sent: the spend view counts it as may-be-billed, not as nothing.
        // At the lowest tier of what was asked: one 1080x1080 image at 15 cents and the 5 cent vision fee.
        expect((await readSpendSummary(dataDir)).mayBeBilledCents).toBe(15 + 5);
      }
    }

    const last = await WatchProcess.start({ folder, profile: PROFILE.name, dataDir, fake });
    cleanups.push(() => last.kill9());
    const store: JobStore = openJobStore(dataDir);
    cleanups.push(() => store.close());
    const jobs = async () => (await store.history.queryJobs({ limit: 100 })).jobs;
    await pollUntil(async () => ((await jobs()).length === ROUNDS && (await jobs()).every((job) => job.state === 'done' || job.state === 'failed') ? true : undefined), {
      timeoutMs: 60_000,
      what: `all ${ROUNDS} jobs finished`,
      describe: async () => (await jobs()).map((job) => `${job.sourceName}:${job.state}`).join(', ') + `\n${last.text.slice(-1500)}`,
    });
    expect(await last.interrupt()).toBe(0);

    expect(fake.countSubmits()).toBe(ROUNDS);
    expect(fake.jobs()).toHaveLength(ROUNDS);
    for (const job of await jobs()) {
      expect(job.state, `${job.sourceName}: ${job.errorMessage ?? ''}`).toBe('done');
      const atFal = fake.jobs().filter((request) => request.uploadFileName?.startsWith(job.contentHash.slice(0, 32)));
      expect(atFal, job.sourceName).toHaveLength(1);
      expect((await store.requests.listRequests(job.id)).map((request) => [request.requestId, request.state]), job.sourceName).toEqual([
        [atFal[0]!.requestId, 'completed'],
      ]);
      expect((await store.submits.listSubmits(job.id)).map((submit) => submit.state), job.sourceName).toEqual(['adopted']);
    }
    const spend = await readSpendSummary(dataDir);
    expect(spend.mayBeBilledCents).toBe(0);
    expect(spend.outputs).toBe(ROUNDS);
  }, 180_000);
});
