import { readFileSync } from 'node:fs';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/runtime/engine';
import { openJobStore, type JobStore } from '../../../electron/engine/store';
import type { ApiHandlers } from '../../../electron/shared/contract/types';
import { HARNESS_TIMING, startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { pollUntil } from '../../support/engine/pollUntil';
import { TEST_HOST } from '../../support/engine/testHost';

// Re-running one size of a finished job at fal goes through the job runner's fal path: one request of that size,
// charged once, written as a new version; and its request id is stored before its result is awaited, so a stop
// (or crash) in between resumes it by id at the next start instead of paying again.

const PHOTO = '../shared/corpus/Landscape_1.jpg';
const cleanups: Array<() => Promise<unknown> | unknown> = [];
let harness: EngineHarness | undefined;
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await harness?.close();
  harness = undefined;
});

/** A done job of the harness's two fal sizes (1080x1080, 1200x628), its outputs' bytes, and the ledger's charges. */
async function finishedFalJob() {
  // A regenerating fake: a re-run of the same size makes a different file, as fal's does.
  harness = await startEngineHarness({ fakeOptions: { regenerates: true } });
  copyFileSync(PHOTO, join(harness.watched, 'Landscape_1.jpg'));
  const job = await harness.waitForJob('Landscape_1.jpg', ['done', 'failed']);
  expect(job.state, job.errorMessage ?? '').toBe('done');
  const detail = await harness.api.jobs.detail({ id: job.id });
  const bytes = new Map(detail.outputs.map((output) => [output.path, readFileSync(output.path)]));
  const square = detail.outputs.find((output) => output.target === '1080x1080')!;
  return { job, detail, bytes, square };
}

async function charges(api: ApiHandlers) {
  return (await api.spend.ledger({ limit: 100 })).rows.filter((row) => row.kind === 'charge');
}

describe('re-running one size at fal', () => {
  it('quotes it, sends only that size, adds exactly its charge to the ledger and changes only its file, as a new fal version', async () => {
    const { job, detail, bytes, square } = await finishedFalJob();
    const api = harness!.api;
    const before = await charges(api);
    expect(before).toHaveLength(1);
    const submitsBefore = harness!.fake.countSubmits();

    const offer = await api.review.falRerunOffer({ jobId: job.id, path: square.path });
    expect(offer).toMatchObject({ size: '1080x1080', reason: null, quote: { images: 1, visionFeeCents: 5 } });
    // 1080x1080 at the 1K setting is one price when fal names its tier (1K and 2K images cost the same); the top is
    // 4K's, what the ledger records for an answer naming no tier.
    expect(offer.quote).toMatchObject({ minCents: 15 + 5, maxCents: 30 + 5, reason: expect.stringMatching(/^fal may bill the 4K tier/) });

    const made = await api.review.rerunFal({ jobId: job.id, path: square.path });
    expect(made).toMatchObject({ target: '1080x1080', version: 2, cause: 'fal_rerun', provider: 'fal', current: true });
    expect(made.costCents).toBe(offer.quote!.minCents);

    // One more request, carrying only that size.
    expect(harness!.fake.countSubmits()).toBe(submitsBefore + 1);
    const submitted = harness!.submitsOf(job).at(-1)!;
    expect((submitted.body as { target_sizes: string[] }).target_sizes).toEqual(['1080x1080']);
    // Exactly one more charge, of exactly what was quoted, for that request; the job's first charge untouched.
    const after = await charges(api);
    expect(after).toHaveLength(2);
    const added = after.find((row) => row.requestId === made.requestId)!;
    expect(added).toMatchObject({ cents: offer.quote!.minCents, images: 1, jobId: job.id });
    expect(after.find((row) => row.id === before[0]!.id)).toEqual(before[0]);
    // Only that file changed.
    for (const output of detail.outputs) expect(readFileSync(output.path).equals(bytes.get(output.path)!), output.target).toBe(output.target !== '1080x1080');

    const { versions } = await api.review.versions({ jobId: job.id });
    expect(versions.map((version) => [version.target, version.version, version.cause, version.provider, version.current])).toEqual([
      ['1080x1080', 1, 'run', 'fal', false],
      ['1080x1080', 2, 'fal_rerun', 'fal', true],
    ]);
    // The run's making restores byte for byte, and stays fal's.
    await api.review.restore({ jobId: job.id, path: square.path, version: 1 });
    expect(readFileSync(square.path).equals(bytes.get(square.path)!)).toBe(true);
    expect((await api.jobs.detail({ id: job.id })).outputs.find((output) => output.target === '1080x1080')).toMatchObject({ provider: 'fal' });
  });

  it('stores the request id before awaiting its result: stopped then, the next start resumes it by id and never submits again', async () => {
    const { job, bytes, square } = await finishedFalJob();
    const { dataDir, fake } = harness!;
    const store: JobStore = openJobStore(dataDir);
    cleanups.push(() => store.close());
    const hold = fake.holdRunning();
    cleanups.push(() => hold.release());
    const submitsBefore = fake.countSubmits();

    const running = harness!.api.review.rerunFal({ jobId: job.id, path: square.path });
    running.catch(() => undefined);
    // While fal still runs it (its result cannot have been awaited yet), its id is already in the store.
    const request = await pollUntil(async () => (await store.requests.listRequests(job.id)).find((candidate) => candidate.batchIndex === 1), { what: 'the re-run request recorded' });
    expect(request).toMatchObject({ state: 'submitted', sizes: ['1080x1080'] });
    expect(fake.countSubmits()).toBe(submitsBefore + 1);
    expect(await charges(harness!.api)).toHaveLength(1);

    // The app stops while fal runs it: the request stays recorded, nothing is written or charged.
    await harness!.engine.stop();
    await expect(running).rejects.toThrow();
    expect(readFileSync(square.path).equals(bytes.get(square.path)!)).toBe(true);
    hold.release();

    // The next start fetches it by id: no second submit, one charge for it, and the file is its new version.
    const engine = new Engine({ dataDir, falHostOverride: fake.url, env: {}, timing: HARNESS_TIMING });
    cleanups.push(() => engine.stop());
    await engine.start();
    const api = engine.api(TEST_HOST);
    const versions = await pollUntil(async () => {
      const listed = (await api.review.versions({ jobId: job.id })).versions;
      return listed.some((version) => version.cause === 'fal_rerun') ? listed : undefined;
    }, { what: 'the resumed re-run written' });
    expect(versions.map((version) => [version.version, version.cause, version.current])).toEqual([
      [1, 'run', false],
      [2, 'fal_rerun', true],
    ]);
    expect(fake.countSubmits()).toBe(submitsBefore + 1);
    expect((await charges(api)).filter((row) => row.requestId === request.requestId)).toHaveLength(1);
    expect((await store.requests.findByRequestId(request.requestId))?.state).toBe('completed');
    expect(readFileSync(square.path).equals(bytes.get(square.path)!)).toBe(false);
  });

  it('charges an answer naming no tier at 4K, and that charge is within the quote shown before', async () => {
    const { job, square } = await finishedFalJob();
    const api = harness!.api;
    const offer = await api.review.falRerunOffer({ jobId: job.id, path: square.path });
    harness!.fake.failNextJob({ kind: 'noTier' });

    const made = await api.review.rerunFal({ jobId: job.id, path: square.path });
    const charge = (await charges(api)).find((row) => row.requestId === made.requestId)!;
    // The ledger errs high: the image at 4K's price, plus the request fee.
    expect(charge).toMatchObject({ cents: 30 + 5, images: 1, tiers: '1x4K?' });
    expect(charge.cents).toBeGreaterThanOrEqual(offer.quote!.minCents);
    expect(charge.cents).toBeLessThanOrEqual(offer.quote!.maxCents);
    expect(made.costCents).toBe(charge.cents);
    expect(offer.quote!.reason).toMatch(/fal may bill the 4K tier/);
  });

  it('keeps its reservation while its submit is on the way: a prune between admission and submit does not release it', async () => {
    const { job, square } = await finishedFalJob();
    const { api, fake, store } = harness!;
    const offer = await api.review.falRerunOffer({ jobId: job.id, path: square.path });
    const held = fake.stallNext('submit');
    cleanups.push(() => held.release());

    const running = api.review.rerunFal({ jobId: job.id, path: square.path });
    running.catch(() => undefined);
    await held.waitUntilStalled();
    // Admitted, its submit not answered yet: any prune now (another job's claim, another instance's) runs here.
    await store.reservations.pruneStale();
    expect((await store.reservations.list()).filter((reservation) => reservation.jobId === job.id).map((reservation) => reservation.cents)).toEqual([offer.quote!.maxCents]);
    expect(await store.reservations.total()).toBe(offer.quote!.maxCents);

    held.release();
    const made = await running;
    // fal named its tier: charged the quote's minimum, inside what was reserved.
    expect(made.costCents).toBe(offer.quote!.minCents);
    // Settled by its charge: nothing stays reserved.
    expect(await store.reservations.list()).toEqual([]);
  });

  it("re-runs the job's fal sizes after its marks are set, one request each at the price marks.set quoted, and says fal takes no marks", async () => {
    const { job, detail, bytes } = await finishedFalJob();
    const api = harness!.api;
    const submitsBefore = harness!.fake.countSubmits();
    const set = await api.marks.set({ jobId: job.id, marks: { focus: { x: 0.3, y: 0.5 }, keep: [] } });
    expect(set.remade).toEqual([]);
    expect(set.falRerun).toMatchObject({ sizes: ['1080x1080', '1200x628'] });
    expect(set.falRerun).toMatchObject({ minCents: 2 * (15 + 5), maxCents: 2 * (30 + 5) });
    const chargesBefore = await charges(api);

    const made = await api.marks.rerunFal({ jobId: job.id });
    expect(made.sizes.map((entry) => [entry.size, entry.version])).toEqual([['1080x1080', 2], ['1200x628', 2]]);
    expect(made.costCents).toBe(set.falRerun!.minCents);
    expect(made.note).toContain('takes no focal point or keep boxes');
    expect(harness!.fake.countSubmits()).toBe(submitsBefore + 2);
    const added = (await charges(api)).filter((row) => !chargesBefore.some((old) => old.id === row.id));
    expect(added.map((row) => row.cents).reduce((sum, cents) => sum + cents, 0)).toBe(made.costCents);
    expect(added).toHaveLength(2);
    for (const output of detail.outputs) expect(readFileSync(output.path).equals(bytes.get(output.path)!), output.target).toBe(false);
  });

  it('says why the button cannot go without a key, and the re-run itself refuses then', async () => {
    const { job, square } = await finishedFalJob();
    harness!.api.falKey.clear();
    const offer = await harness!.api.review.falRerunOffer({ jobId: job.id, path: square.path });
    expect(offer.reason).toContain('no fal key is set');
    await expect(harness!.api.review.rerunFal({ jobId: job.id, path: square.path })).rejects.toThrow(/fal key/);
  });
});
