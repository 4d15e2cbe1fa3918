import { describe, expect, it } from 'vitest';
import type { FalResultForPricing } from '../../../electron/engine/pricing';
import { useSpendFixtures, type SpendFixture } from './spendFixture';

// fal's price list (FAL.md) written out here, not taken from the app's pricing code.
const expectedCents = (results: ReadonlyArray<{ resolution: string; images: unknown[] }>) =>
  5 + results.reduce((sum, result) => sum + result.images.length * (result.resolution === '4K' ? 30 : 15), 0);

const fixtures = useSpendFixtures();

/** Results of one request: per target a tier and 1..3 images. */
function results(seed: number): Array<{ resolution: string; images: unknown[] }> {
  const tiers = ['1K', '2K', '4K'];
  return Array.from({ length: 1 + (seed % 3) }, (_, index) => ({
    resolution: tiers[(seed + index) % 3]!,
    images: Array.from({ length: 1 + ((seed * 7 + index) % 3) }, () => ({ url: 'x' })),
  }));
}

/** Runs one job through admit, submit and charge, as the runner does. */
async function chargedJob(f: SpendFixture, requestId: string, body: FalResultForPricing[], folderId: string | null = 'folder-a') {
  const job = await f.claimedJob(folderId);
  expect(await f.spend.admission.admit(job, 200, 0)).toEqual({ ok: true });
  await f.store.jobs.transition(job.id, 'uploading');
  await f.store.requests.recordRequestId(job.id, 0, requestId, ['1080x1080']);
  await f.spend.recorder.charged(job, requestId, body);
  return job;
}

describe('the spend ledger', () => {
  it('charges each request by fal formula over what fal reported, once, and its totals, pages and CSV add up', async () => {
    const f = fixtures.open();
    let expected = 0;
    for (let seed = 0; seed < 9; seed += 1) {
      const body = results(seed);
      const job = await chargedJob(f, `req-${seed}`, body);
      expected += expectedCents(body);
      // A resumed job fetching the same result again must not pay twice.
      await f.spend.recorder.charged(job, `req-${seed}`, body);
    }
    const rows = await f.store.ledger.all();
    expect(rows).toHaveLength(9);
    expect(rows.every((row) => row.kind === 'charge' && Number.isInteger(row.cents) && row.requestRowId !== null)).toBe(true);
    const summary = await f.spend.reports.summary();
    expect(summary.totalCents).toBe(expected);
    expect(summary.today.spentCents).toBe(expected);
    expect(summary.outputs).toBe(rows.reduce((sum, row) => sum + row.images, 0));
    expect(summary.byDay.reduce((sum, day) => sum + day.cents, 0)).toBe(expected);
    expect(summary.byProfile).toEqual([{ profileId: 'meta-ads', name: 'Meta ads', cents: expected }]);
    expect(summary.reservedCents).toBe(0);

    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await f.spend.reports.page({}, 4, cursor);
      seen.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(rows.map((row) => row.id).reverse());

    const lines = (await f.spend.reports.csv()).csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(rows.length + 1);
    const header = lines[0]!.split(',');
    const centsColumn = header.indexOf('cents');
    expect(lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[centsColumn]), 0)).toBe(expected);
  });

  it('records tiers and image counts as fal reported them, pricing an unknown tier as 4K', async () => {
    const f = fixtures.open();
    await chargedJob(f, 'req-t', [
      { resolution: '2K', images: [{}, {}] },
      { resolution: '4K', images: [{}] },
      { resolution: '8K', images: [{}] },
    ]);
    const [row] = await f.store.ledger.all();
    expect(row).toMatchObject({ images: 4, tiers: '2x2K, 1x4K, 1x4K?', cents: 5 + 30 + 30 + 30 });
  });

  it('says in the job log when fal named no tier: that size is charged at 4K, never less than fal could have charged', async () => {
    const f = fixtures.open();
    const job = await chargedJob(f, 'req-u', [{ images: [{}] }]);
    const [row] = await f.store.ledger.all();
    expect(row).toMatchObject({ images: 1, tiers: '1x4K?', cents: 5 + 30 });
    const notes = (await f.store.events.eventsAfter(0, 1000)).filter((event) => event.jobId === job.id && event.kind === 'job_note');
    expect(notes.map((event) => event.data.message)).toEqual([
      expect.stringMatching(/^fal named no known tier for 1080x1080: recorded at the 4K price \(\$0\.30 an image\)/),
    ]);
    // A request that named its tiers says nothing more.
    const named = await chargedJob(f, 'req-n', [{ resolution: '1K', images: [{}] }]);
    expect((await f.store.events.eventsAfter(0, 1000)).filter((event) => event.jobId === named.id && event.kind === 'job_note')).toEqual([]);
  });

  it('keeps a 422 after submit apart as may-be-billed, at the lowest tier of what was asked, out of the totals', async () => {
    const f = fixtures.open();
    const job = await f.claimedJob();
    await f.spend.admission.admit(job, 65, 0);
    await f.store.jobs.transition(job.id, 'uploading');
    // 1080x1080 at a 1K hint is a 2K preset at least; 800x1000 fits 1K: 5 + 15 + 15.
    await f.store.requests.recordRequestId(job.id, 0, 'req-422', ['1080x1080', '800x1000']);
    await f.spend.recorder.mayBeBilled(job, 'req-422');
    await f.spend.recorder.mayBeBilled(job, 'req-422');
    const summary = await f.spend.reports.summary();
    expect(summary.totalCents).toBe(0);
    expect(summary.mayBeBilledCents).toBe(35);
    expect(summary.reservedCents).toBe(0);
    expect((await f.store.ledger.all()).map((row) => [row.kind, row.cents, row.requestId])).toEqual([['may_be_billed', 35, 'req-422']]);
  });

  it('records what auto saved: image prices at the lowest tier, plus the vision fee only when no request was sent', async () => {
    const f = fixtures.open();
    const whole = await f.claimedJob();
    await f.spend.recorder.saved(whole, [{ width: 800, height: 1000 }], true);
    await f.spend.recorder.saved(whole, [{ width: 800, height: 1000 }], true);
    const part = await f.claimedJob();
    await f.spend.recorder.saved(part, [{ width: 800, height: 1000 }, { width: 1080, height: 1080 }], false);
    const summary = await f.spend.reports.summary();
    expect(summary.savingsCents).toBe(20 + 30);
    expect(summary.totalCents).toBe(0);
  });

  it('groups by folder with the folder path and lists the most expensive jobs first', async () => {
    const f = fixtures.open();
    const cheap = await chargedJob(f, 'a', [{ resolution: '1K', images: [{}] }], 'folder-a');
    const dear = await chargedJob(f, 'b', [{ resolution: '4K', images: [{}, {}] }], null);
    const summary = await f.spend.reports.summary();
    expect(summary.byFolder).toEqual([
      { folderId: null, path: null, cents: 65 },
      { folderId: 'folder-a', path: '/watch/a', cents: 20 },
    ]);
    expect(summary.mostExpensive.map((job) => [job.jobId, job.cents])).toEqual([[dear.id, 65], [cheap.id, 20]]);
  });
});
