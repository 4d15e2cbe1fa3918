import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HARNESS_TIMING, startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { untilEngine } from '../../support/engine/engineWaits';
import { pollUntil } from '../../support/engine/pollUntil';
import { writeTestJpeg } from '../../support/engine/testImages';
import { billedByFake } from './spendEvidence';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Drops images on the engine with the harness profile and returns their jobs, in the order given. */
async function drop(h: EngineHarness, names: string[]) {
  const folder = join(h.root, 'drops');
  mkdirSync(folder, { recursive: true });
  const paths = await Promise.all(names.map(async (name, index) => {
    const path = join(folder, name);
    await writeTestJpeg(path, 700 + index);
    return path;
  }));
  const { jobs } = await h.engine.enqueuePaths(paths, h.profile.id);
  return jobs.map((entry) => entry.job);
}

/** The fal request id the engine stored for a job once it has one. */
function requestIdOf(h: EngineHarness, jobId: string): Promise<string> {
  return untilEngine(h.engine, async () => (await h.store.requests.listRequests(jobId))[0]?.requestId, { timeoutMs: 20_000, what: 'a submitted request' });
}

/** The harness profile (1080x1080 + 1200x628 at a 1K hint) at its lowest possible tiers (2K and 1K): 5 + 15 + 15. */
const MIN_ESTIMATE_CENTS = 35;

describe('cancelling a job that is at fal', () => {
  it('books a request fal was running as may-be-billed, and one still in fal\'s queue as nothing', async () => {
    // The engine may have two requests at fal, which runs one at a time: the second waits in fal's queue.
    harness = await startEngineHarness({ settings: { concurrency: 2 }, fakeOptions: { latency: { processingMs: 10_000, concurrency: 1 } } });
    const { engine, fake, store, api } = harness;
    // What the engine's own status polls last said per job: a cancel books from that, so the test waits for it too.
    const seenByEngine = new Map<string, string>();
    engine.events.on('progress', (progress) => progress.falStatus && seenByEngine.set(progress.jobId, progress.falStatus));
    const jobs = await drop(harness, ['first.jpg', 'second.jpg']);
    const atFal = await Promise.all(jobs.map(async (job) => ({ job, requestId: await requestIdOf(harness!, job.id) })));
    // Whichever fal took first runs; the other waits in fal's queue.
    const [running, queued] = await pollUntil(() => {
      const inState = (state: string) => atFal.find((entry) => fake.job(entry.requestId)?.state === state);
      const pair = [inState('IN_PROGRESS'), inState('IN_QUEUE')] as const;
      if (!pair[0] || !pair[1] || seenByEngine.get(pair[1].job.id) !== 'IN_QUEUE') return undefined;
      return [pair[0], pair[1]] as const;
    }, { timeoutMs: 10_000, what: 'one request running and one queued at fal, as the engine has seen it' });
    const runningId = running.requestId;
    const queuedId = queued.requestId;

    await engine.cancel(queued.job.id);
    await engine.cancel(running.job.id);

    expect(fake.job(runningId)?.cancelled).toBe(true);
    expect(fake.job(queuedId)?.cancelled).toBe(true);
    const rows = await store.ledger.all();
    expect(rows.map((row) => [row.kind, row.requestId, row.cents])).toEqual([['may_be_billed', runningId, MIN_ESTIMATE_CENTS]]);
    const summary = await api.spend.summary({});
    expect(summary.totalCents).toBe(0);
    expect(summary.mayBeBilledCents).toBe(MIN_ESTIMATE_CENTS);
    expect(summary.reservedCents).toBe(0);
    expect(await Promise.all(jobs.map(async (job) => (await store.jobs.getJob(job.id))?.state))).toEqual(['cancelled', 'cancelled']);
  });

  it('charges a request fal had already finished when the cancel came, priced from its result, and writes no outputs', async () => {
    // Status polls are a minute apart, so the engine has not seen the request finish when the user cancels.
    harness = await startEngineHarness({
      fakeOptions: { renderMode: 'flat', latency: { processingMs: 100, concurrency: 2 } },
      engine: { timing: { ...HARNESS_TIMING, pollIntervalMs: 60_000 } },
    });
    const { engine, fake, store, api } = harness;
    const [job] = await drop(harness, ['finished.jpg']);
    const requestId = await requestIdOf(harness, job!.id);
    await pollUntil(() => fake.job(requestId)?.state === 'COMPLETED' || undefined, { timeoutMs: 10_000, what: 'fal finished the request' });

    await engine.cancel(job!.id);

    expect(fake.job(requestId)?.cancelled).toBe(false);
    const billed = await billedByFake(fake);
    // Two images (below 4K) at 15 cents and the 5 cent vision fee: the harness profile's price.
    expect(billed[requestId]).toBe(2 * 15 + 5);
    const rows = await store.ledger.all();
    expect(rows.map((row) => [row.kind, row.requestId, row.cents])).toEqual([['charge', requestId, billed[requestId]]]);
    expect((await api.spend.summary({})).totalCents).toBe(billed[requestId]);
    expect((await store.jobs.getJob(job!.id))?.state).toBe('cancelled');
    expect(await store.outputs.listOutputs(job!.id)).toEqual([]);
  });
});
