import { describe, expect, it } from 'vitest';
import { BURST_REASON } from '../../../electron/engine/spend';
import type { JobRecord } from '../../../electron/engine/store';
import { newJob } from '../store/storeFixture';
import { useSpendFixtures, type SpendFixture } from './spendFixture';

const fixtures = useSpendFixtures();

/** `count` files arriving one after another, each announced as the watcher does (`make` gives each its job). */
async function arriveEach(f: SpendFixture, count: number, make: () => Promise<JobRecord>): Promise<JobRecord[]> {
  const jobs: JobRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const job = await make();
    await f.spend.burstGate.jobCreated(job);
    jobs.push(job);
  }
  return jobs;
}

/** `count` files arriving 5 s apart in a folder. */
function arrive(f: SpendFixture, count: number, folderId = 'folder-a'): Promise<JobRecord[]> {
  return arriveEach(f, count, async () => {
    f.clock.advance(5_000);
    return (await f.store.jobs.insertJobIfNew(newJob({ folderId }))).job;
  });
}

const states = async (f: SpendFixture, jobs: readonly JobRecord[]) =>
  Promise.all(jobs.map(async (job) => (await f.store.jobs.getJob(job.id))?.state));

describe('bursts into a hot folder', () => {
  it('holds every queued file of the folder once more than burstFiles arrive within the window, and asks once', async () => {
    const f = fixtures.open();
    await f.spend.budget.update({ burstFiles: 3, burstWindowMinutes: 1 });
    const jobs = await arrive(f, 3);
    expect(await states(f, jobs)).toEqual(['queued', 'queued', 'queued']);
    jobs.push(...(await arrive(f, 2)));
    expect(await states(f, jobs)).toEqual(Array(5).fill('waiting_budget'));
    expect((await f.store.jobs.getJob(jobs[0]!.id))?.stateReason).toBe(BURST_REASON);
    expect(f.notices).toEqual(['/watch/a received a burst of files: 4 are held until you let them go ahead.']);
    // Each image of the fixture profile costs 35 cents at the tiers fal may pick (two sizes), at most 65 (each at 4K,
    // as the ledger records an answer naming no tier).
    expect(await f.spend.reports.held()).toEqual({ burst: [{ folderId: 'folder-a', jobs: 5, minCents: 175, maxCents: 325 }], cap: { jobs: 0, reason: null } });
  });

  it('does not count files spread wider than the window, nor hold a trusted folder or free local jobs', async () => {
    const f = fixtures.open();
    await f.spend.budget.update({ burstFiles: 2, burstWindowMinutes: 1 });
    const spread = await arriveEach(f, 4, async () => {
      f.clock.advance(40_000);
      return (await f.store.jobs.insertJobIfNew(newJob({ folderId: 'folder-a' }))).job;
    });
    expect(await states(f, spread)).toEqual(Array(4).fill('queued'));
    expect(await states(f, await arrive(f, 5, 'folder-t'))).toEqual(Array(5).fill('queued'));
    const local = await arriveEach(f, 5, async () => (await f.store.jobs.insertJobIfNew(newJob({ folderId: 'folder-a', provider: 'local' }))).job);
    expect(await states(f, local)).toEqual(Array(5).fill('queued'));
  });

  it('holds at admit a job the scheduler claimed before its burst was seen', async () => {
    const f = fixtures.open();
    await f.spend.budget.update({ burstFiles: 2, burstWindowMinutes: 1 });
    const early = await f.claimedJob();
    await arrive(f, 2);
    expect(await f.spend.admission.admit(early, 35, 0)).toEqual({ ok: false, reason: BURST_REASON });
    await f.store.jobs.transition(early.id, 'waiting_budget', { reason: BURST_REASON });
    expect((await f.spend.reports.held()).burst[0]?.jobs).toBe(3);
  });

  it('releases a burst into the queue and starts the count afresh; a discarded burst is cancelled', async () => {
    const f = fixtures.open();
    await f.spend.budget.update({ burstFiles: 2, burstWindowMinutes: 10 });
    const first = await arrive(f, 3);
    expect(await f.spend.bursts.release('folder-a')).toBe(3);
    expect(await states(f, first)).toEqual(['queued', 'queued', 'queued']);
    expect(f.requeues.count).toBe(1);
    const claimed = await f.store.jobs.transition(first[0]!.id, 'preparing');
    expect(await f.spend.admission.admit(claimed, 35, 0)).toEqual({ ok: true });
    const next = await arrive(f, 2);
    expect(await states(f, next)).toEqual(['queued', 'queued']);
    const second = [...next, ...(await arrive(f, 1))];
    expect(await states(f, second)).toEqual(Array(3).fill('waiting_budget'));
    expect(await f.spend.bursts.discard('folder-a')).toBe(3);
    expect(await states(f, second)).toEqual(Array(3).fill('cancelled'));
    expect((await f.spend.reports.held()).burst).toEqual([]);
  });

  it('lets a held burst go when its folder is marked trusted', async () => {
    const f = fixtures.open();
    await f.spend.budget.update({ burstFiles: 1, burstWindowMinutes: 10 });
    const jobs = await arrive(f, 2);
    expect(await states(f, jobs)).toEqual(['waiting_budget', 'waiting_budget']);
    f.settings = { ...f.settings, folders: f.settings.folders.map((folder) => ({ ...folder, trusted: true })) };
    await f.spend.checkHeldWork();
    expect(await states(f, jobs)).toEqual(['queued', 'queued']);
  });
});
