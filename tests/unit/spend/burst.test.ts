import { describe, expect, it } from 'vitest';
import { BURST_REASON } from '../../../electron/engine/spend';
import type { JobRecord } from '../../../electron/engine/store';
import { newJob } from '../store/storeFixture';
import { useSpendFixtures, type SpendFixture } from './spendFixture';

const fixtures = useSpendFixtures();

/** `count` files arriving 5 s apart in a folder, each announced as the watcher does. */
function arrive(f: SpendFixture, count: number, folderId = 'folder-a'): JobRecord[] {
  return Array.from({ length: count }, () => {
    f.clock.advance(5_000);
    const { job } = f.store.jobs.insertJobIfNew(newJob({ folderId }));
    f.spend.jobCreated(job);
    return job;
  });
}

const states = (f: SpendFixture, jobs: readonly JobRecord[]) => jobs.map((job) => f.store.jobs.getJob(job.id)?.state);

describe('bursts into a hot folder', () => {
  it('holds every queued file of the folder once more than burstFiles arrive within the window, and asks once', () => {
    const f = fixtures.open();
    f.spend.updateBudget({ burstFiles: 3, burstWindowMinutes: 1 });
    const jobs = arrive(f, 3);
    expect(states(f, jobs)).toEqual(['queued', 'queued', 'queued']);
    jobs.push(...arrive(f, 2));
    expect(states(f, jobs)).toEqual(Array(5).fill('waiting_budget'));
    expect(f.store.jobs.getJob(jobs[0]!.id)?.stateReason).toBe(BURST_REASON);
    expect(f.notices).toEqual(['/watch/a received a burst of files: 4 are held until you let them go ahead.']);
    // Each image of the fixture profile costs 35 cents at least and at most (two sizes whose tiers are certain).
    expect(f.spend.held()).toEqual({ burst: [{ folderId: 'folder-a', jobs: 5, minCents: 175, maxCents: 175 }], cap: { jobs: 0, reason: null } });
  });

  it('does not count files spread wider than the window, nor hold a trusted folder or free local jobs', () => {
    const f = fixtures.open();
    f.spend.updateBudget({ burstFiles: 2, burstWindowMinutes: 1 });
    const spread = Array.from({ length: 4 }, () => {
      f.clock.advance(40_000);
      const { job } = f.store.jobs.insertJobIfNew(newJob({ folderId: 'folder-a' }));
      f.spend.jobCreated(job);
      return job;
    });
    expect(states(f, spread)).toEqual(Array(4).fill('queued'));
    expect(states(f, arrive(f, 5, 'folder-t'))).toEqual(Array(5).fill('queued'));
    const local = Array.from({ length: 5 }, () => {
      const { job } = f.store.jobs.insertJobIfNew(newJob({ folderId: 'folder-a', provider: 'local' }));
      f.spend.jobCreated(job);
      return job;
    });
    expect(states(f, local)).toEqual(Array(5).fill('queued'));
  });

  it('holds at admit a job the scheduler claimed before its burst was seen', () => {
    const f = fixtures.open();
    f.spend.updateBudget({ burstFiles: 2, burstWindowMinutes: 1 });
    const early = f.claimedJob();
    arrive(f, 2);
    expect(f.spend.admit(early, 35, 0)).toEqual({ ok: false, reason: BURST_REASON });
    f.store.jobs.transition(early.id, 'waiting_budget', { reason: BURST_REASON });
    expect(f.spend.held().burst[0]?.jobs).toBe(3);
  });

  it('releases a burst into the queue and starts the count afresh; a discarded burst is cancelled', async () => {
    const f = fixtures.open();
    f.spend.updateBudget({ burstFiles: 2, burstWindowMinutes: 10 });
    const first = arrive(f, 3);
    expect(f.spend.releaseBurst('folder-a')).toBe(3);
    expect(states(f, first)).toEqual(['queued', 'queued', 'queued']);
    expect(f.requeues.count).toBe(1);
    const claimed = f.store.jobs.transition(first[0]!.id, 'preparing');
    expect(f.spend.admit(claimed, 35, 0)).toEqual({ ok: true });
    const next = arrive(f, 2);
    expect(states(f, next)).toEqual(['queued', 'queued']);
    const second = [...next, ...arrive(f, 1)];
    expect(states(f, second)).toEqual(Array(3).fill('waiting_budget'));
    expect(await f.spend.discardBurst('folder-a')).toBe(3);
    expect(states(f, second)).toEqual(Array(3).fill('cancelled'));
    expect(f.spend.held().burst).toEqual([]);
  });

  it('lets a held burst go when its folder is marked trusted', () => {
    const f = fixtures.open();
    f.spend.updateBudget({ burstFiles: 1, burstWindowMinutes: 10 });
    const jobs = arrive(f, 2);
    expect(states(f, jobs)).toEqual(['waiting_budget', 'waiting_budget']);
    f.settings = { ...f.settings, folders: f.settings.folders.map((folder) => ({ ...folder, trusted: true })) };
    f.spend.checkPeriods();
    expect(states(f, jobs)).toEqual(['queued', 'queued']);
  });
});
