import { mkdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { outputProblems } from '../../support/engine/outputChecks';
import { pollUntil } from '../../support/engine/pollUntil';
import { uploadNameFor, writeTestJpeg } from '../../support/engine/testImages';
import { sha256, type FakeFalRoute } from '../../support/fakeFal';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** One image per call whose connection fal's side drops without an answer (the fake does nothing for it). */
const DROPPED: readonly FakeFalRoute[] = ['initiate', 'upload', 'submit', 'status', 'result', 'download'];

describe('connections that break', () => {
  it('recovers from a dropped connection on every kind of call, without attempts or a second request', async () => {
    harness = await startEngineHarness({ settings: { concurrency: 3 } });
    const { fake, watched, root, store } = harness;
    mkdirSync(join(root, 'staging'));
    const names = DROPPED.map((route) => `dropped-${route}.jpg`);
    for (const [index, route] of DROPPED.entries()) {
      const bytes = await writeTestJpeg(join(root, 'staging', names[index]!), 600 + index);
      // initiate knows no image yet (the upload's name is in its body): the first initiate call is dropped.
      fake.failNext(route, { drop: true }, route === 'initiate' ? {} : { imageKey: uploadNameFor(sha256(bytes)) });
    }
    await Promise.all(names.map((name) => rename(join(root, 'staging', name), join(watched, name))));

    const jobs = await harness.waitForJobs(names.length, ['done', 'failed'], 60_000);
    expect(fake.requests().filter((record) => record.outcome === 'dropped').map((record) => record.route).sort()).toEqual([...DROPPED].sort());
    for (const job of jobs) {
      expect(job.state, `${job.sourceName}: ${job.errorMessage ?? ''}`).toBe('done');
      expect(job.attempts, job.sourceName).toBe(0);
      const prefix = job.contentHash.slice(0, 32);
      expect(fake.jobs().filter((request) => request.uploadFileName?.startsWith(prefix)), job.sourceName).toHaveLength(1);
      expect((await store.requests.listRequests(job.id)).map((request) => request.state), job.sourceName).toEqual(['completed']);
      expect(await outputProblems(await store.outputs.listOutputs(job.id))).toEqual([]);
    }
  }, 120_000);

  it('cancels a job whose request is stalled on fal, and tells fal to cancel it', async () => {
    harness = await startEngineHarness();
    const { fake, watched, engine, store } = harness;
    const bytes = await writeTestJpeg(join(harness.root, 'stuck.jpg'), 650);
    const stalled = fake.stallNext('status', { imageKey: uploadNameFor(sha256(bytes)), times: Infinity });
    await rename(join(harness.root, 'stuck.jpg'), join(watched, 'stuck.jpg'));
    await stalled.waitUntilStalled();
    const job = await harness.waitForJob('stuck.jpg', ['submitted']);
    const [request] = await store.requests.listRequests(job.id);
    expect(request?.state).toBe('submitted');

    await engine.cancel(job.id);
    expect((await store.jobs.getJob(job.id))?.state).toBe('cancelled');
    const cancels = fake.requests({ route: 'cancel', requestId: request!.requestId });
    expect(cancels.map((record) => [record.method, record.outcome])).toEqual([['PUT', 202]]);
    expect(fake.job(request!.requestId)?.cancelled).toBe(true);
    expect((await store.requests.listRequests(job.id)).map((entry) => entry.state)).toEqual(['cancelled']);
    // No status poll ever answered, so whether fal had started it is unknown: its possible charge is shown apart.
    expect((await store.ledger.all()).map((row) => [row.kind, row.requestId])).toEqual([['may_be_billed', request!.requestId]]);
    // The run lets go of the held poll and ends; the job stays cancelled, with nothing written.
    await pollUntil(() => (engine.queueStatus().running === 0 && stalled.heldCount === 0 ? true : undefined), {
      what: 'the cancelled run to end and release its poll',
    });
    expect((await store.jobs.getJob(job.id))?.state).toBe('cancelled');
    expect(await store.outputs.listOutputs(job.id)).toEqual([]);
    expect(fake.countSubmits()).toBe(1);
  });
});
