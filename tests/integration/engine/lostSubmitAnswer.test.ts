import { join } from 'node:path';
import { rename } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { estimateRequest } from '../../../electron/engine/pricing';
import { parseTargetSize } from '../../../electron/domain/sizes/targetSize';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { outputProblems } from '../../support/engine/outputChecks';
import { uploadNameFor, writeTestJpeg } from '../../support/engine/testImages';
import { sha256 } from '../../support/fakeFal';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Drops a source into the watched folder, with `arm` run on its upload name before it lands. */
async function dropSource(h: EngineHarness, name: string, seed: number, arm: (imageKey: string) => void): Promise<void> {
  const bytes = await writeTestJpeg(join(h.root, name), seed);
  arm(uploadNameFor(sha256(bytes)));
  await rename(join(h.root, name), join(h.watched, name));
}

describe('a submit whose answer is lost after fal took the request', () => {
  it('finds the request in fal\'s request history and uses it: one request at fal, one charge', async () => {
    harness = await startEngineHarness();
    const { fake, store, api } = harness;
    await dropSource(harness, 'lost.jpg', 800, (imageKey) => fake.failNext('submit', { drop: true, afterHandling: true }, { imageKey }));

    const job = await harness.waitForJob('lost.jpg', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    expect(job.attempts).toBe(0);
    // The client would have sent the submit again by itself (a second paid request); the app sends it once.
    expect(harness.submitsOf(job).map((call) => call.outcome)).toEqual(['dropped']);
    const [atFal, ...more] = fake.jobs();
    expect(more).toEqual([]);
    expect((await store.requests.listRequests(job.id)).map((request) => [request.requestId, request.state])).toEqual([[atFal!.requestId, 'completed']]);
    expect((await store.submits.listSubmits(job.id)).map((submit) => [submit.state, submit.requestId])).toEqual([['adopted', atFal!.requestId]]);
    expect(fake.requests({ route: 'history' }).length).toBeGreaterThan(0);
    expect((await harness.eventsOf(job.id, 'job_note')).map((event) => event.data['message'])).toContain(
      `Found fal request ${atFal!.requestId} in fal's request history: using it instead of paying for another.`,
    );
    expect((await store.ledger.forJob(job.id)).map((row) => [row.kind, row.requestId])).toEqual([['charge', atFal!.requestId]]);
    expect((await api.spend.summary({})).mayBeBilledCents).toBe(0);
    expect(await outputProblems(await store.outputs.listOutputs(job.id))).toEqual([]);
  });

  it('when fal refuses the history look-up, sends the request again after the wait and shows the first as may-be-billed', async () => {
    harness = await startEngineHarness();
    const { fake, profile, store, api } = harness;
    fake.failNext('history', { status: 403 }, { times: Infinity });
    await dropSource(harness, 'unverified.jpg', 801, (imageKey) => fake.failNext('submit', { drop: true, afterHandling: true }, { imageKey }));

    const job = await harness.waitForJob('unverified.jpg', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    // fal holds both: the lost one could not be found, and a job cannot wait for ever.
    expect(fake.jobs()).toHaveLength(2);
    expect((await store.submits.listSubmits(job.id)).map((submit) => submit.state)).toEqual(['unverified', 'answered']);
    const minCents = estimateRequest(profile.sizes.map((size) => parseTargetSize(`${size.width}x${size.height}`)), profile.fal).minCents;
    expect((await api.spend.summary({})).mayBeBilledCents).toBe(minCents);
    const notes = (await harness.eventsOf(job.id, 'job_note')).map((event) => String(event.data['message']));
    expect(notes).toContain("fal refused the request-history look-up (HTTP 403): sending the request again; the first one may still be billed.");
  });
});
