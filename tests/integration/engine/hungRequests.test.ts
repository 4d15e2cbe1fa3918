import { mkdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../electron/engine/store';
import { HARNESS_TIMING, startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { outputProblems } from '../../support/engine/outputChecks';
import { uploadNameFor, writeTestJpeg } from '../../support/engine/testImages';
import { sha256, type FakeFalJobView } from '../../support/fakeFal';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The fal requests made for a job's image, in submit order. */
function requestsAtFal(harness: EngineHarness, job: JobRecord): FakeFalJobView[] {
  const prefix = job.contentHash.slice(0, 32);
  return harness.fake.jobs().filter((request) => request.uploadFileName?.startsWith(prefix));
}

/** The job's reasons for retries, in order. */
async function retryReasons(harness: EngineHarness, job: JobRecord): Promise<string[]> {
  return (await harness.eventsOf(job.id, 'job_state')).filter((event) => event.data['to'] === 'retry_scheduled').map((event) => String(event.data['reason']));
}

describe('fal requests that never finish', () => {
  it('cancels a request that stays IN_PROGRESS past its deadline, frees its slot for the others, retries and books it', async () => {
    // Two slots, both taken by requests fal never finishes: before deadlines nothing else could ever run.
    harness = await startEngineHarness({ settings: { concurrency: 2, falDeadlineSeconds: 2 } });
    const { fake, watched, root, store } = harness;
    mkdirSync(join(root, 'staging'));
    const names = ['hung-1.jpg', 'hung-2.jpg', 'fine-1.jpg', 'fine-2.jpg'];
    for (const [index, name] of names.entries()) {
      const bytes = await writeTestJpeg(join(root, 'staging', name), 700 + index);
      if (name.startsWith('hung')) fake.failNextJob({ kind: 'hang' }, { imageKey: uploadNameFor(sha256(bytes)) });
    }
    await Promise.all(names.slice(0, 2).map((name) => rename(join(root, 'staging', name), join(watched, name))));
    await harness.waitForJobs(2, ['submitted']);
    await Promise.all(names.slice(2).map((name) => rename(join(root, 'staging', name), join(watched, name))));

    const jobs = await harness.waitForJobs(names.length, ['done', 'failed'], 60_000);
    for (const job of jobs) {
      expect(job.state, `${job.sourceName}: ${job.errorMessage ?? ''}`).toBe('done');
      expect(await outputProblems(await store.outputs.listOutputs(job.id)), job.sourceName).toEqual([]);
      const atFal = requestsAtFal(harness, job);
      if (job.sourceName.startsWith('fine')) {
        expect(atFal, job.sourceName).toHaveLength(1);
        expect(job.attempts, job.sourceName).toBe(0);
        continue;
      }
      // The stuck request was cancelled at fal (it would run, and bill, for ever), the retry made a new one.
      const [stuck, retried] = atFal;
      expect(atFal, job.sourceName).toHaveLength(2);
      expect(stuck?.cancelled, job.sourceName).toBe(true);
      expect(fake.requests({ route: 'cancel', requestId: stuck!.requestId }).map((call) => call.outcome)).toEqual([202]);
      expect(job.attempts, job.sourceName).toBe(1);
      expect(await retryReasons(harness, job), job.sourceName).toEqual([
        'fal did not finish the request in time (no result 2 s after it was sent). It was cancelled at fal.',
      ]);
      expect((await store.requests.listRequests(job.id)).map((request) => [request.requestId, request.state])).toEqual([
        [stuck!.requestId, 'cancelled'],
        [retried!.requestId, 'completed'],
      ]);
      // fal had it running: its GPU time may be billed, shown apart as for other cancels.
      const ledger = (await store.ledger.forJob(job.id)).map((row) => [row.kind, row.requestId]);
      expect(ledger).toEqual([
        ['may_be_billed', stuck!.requestId],
        ['charge', retried!.requestId],
      ]);
    }
  }, 90_000);

  it('a status call whose connection stays open unanswered holds neither the job nor the slot past the deadline', async () => {
    harness = await startEngineHarness({
      settings: { concurrency: 1, falDeadlineSeconds: 2 },
      // Status calls get 300 ms each: a held one is a missed poll, the deadline bounds them all.
      engine: { timing: { ...HARNESS_TIMING, falCallTimeouts: { apiMs: 300 } } },
    });
    const { fake, watched, root, store } = harness;
    mkdirSync(join(root, 'staging'));
    const silentBytes = await writeTestJpeg(join(root, 'staging', 'silent.jpg'), 720);
    await writeTestJpeg(join(root, 'staging', 'next.jpg'), 721);
    const silentKey = uploadNameFor(sha256(silentBytes));
    // Its request runs on at fal and its status calls are never answered.
    fake.failNextJob({ kind: 'hang' }, { imageKey: silentKey });
    const silence = fake.stallNext('status', { imageKey: silentKey, times: Infinity });
    await rename(join(root, 'staging', 'silent.jpg'), join(watched, 'silent.jpg'));
    await silence.waitUntilStalled();
    // With one slot, the next image can only go to fal once the silent one lets go of it.
    await rename(join(root, 'staging', 'next.jpg'), join(watched, 'next.jpg'));
    const next = await harness.waitForJob('next.jpg', ['done'], 30_000);
    const silent = await harness.waitForJob('silent.jpg', ['retry_scheduled'], 30_000);
    silence.cancel();
    silence.release();

    const [first] = requestsAtFal(harness, silent);
    expect(fake.job(first!.requestId)?.cancelled).toBe(true);
    expect((await retryReasons(harness, silent))[0]).toMatch(/^fal did not finish the request in time/);
    // About one poll per 300 ms until the 2 s deadline, each given up: not one call held for minutes.
    const polls = fake.requests({ route: 'status', requestId: first!.requestId });
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.length).toBeLessThan(15);
    expect(polls.every((poll) => poll.outcome === 'dropped')).toBe(true);
    // No status ever answered, so whether fal had started it is unknown: a possible charge is shown.
    expect((await store.ledger.forJob(silent.id)).map((row) => row.kind)).toEqual(['may_be_billed']);
    expect(requestsAtFal(harness, next)).toHaveLength(1);

    const done = await harness.waitForJob('silent.jpg', ['done'], 30_000);
    expect(requestsAtFal(harness, done)).toHaveLength(2);
    expect(await outputProblems(await store.outputs.listOutputs(done.id))).toEqual([]);
  }, 90_000);
});
