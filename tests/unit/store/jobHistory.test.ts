import { describe, expect, it } from 'vitest';
import { JOB_STATES } from '../../../electron/domain/jobStates';
import Database from 'libsql';
import type { JobQuery } from '../../../electron/engine/store/jobRepositories';
import type { JobStore } from '../../../electron/engine/store/jobStore';
import { allRows } from '../../../electron/engine/store/sqlite/sqlite';
import type { JobRecord, NewJob } from '../../../electron/engine/store/types';
import { TEST_STORE_KIND, newJob, useFreshStore, type FakeClock } from './storeFixture';

let clock: FakeClock;
let store: JobStore;
useFreshStore((opened) => ({ clock, store } = opened));

async function insert(overrides: Partial<NewJob> = {}, advanceMs = 1): Promise<JobRecord> {
  clock.advance(advanceMs);
  return (await store.jobs.insertJobIfNew(newJob(overrides))).job;
}

/** Reads every page of a query and returns the ids in order. */
async function pageThrough(query: Omit<JobQuery, 'cursor'>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await store.history.queryJobs({ ...query, cursor });
    ids.push(...page.jobs.map((j) => j.id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { ids, pages };
}

/** Newest first with the id as tie-breaker: the order the History list promises. */
const newestFirst = (jobs: JobRecord[]) =>
  [...jobs].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((j) => j.id);

describe('queryJobs', () => {
  it('pages 10,000 jobs newest first with no gap or repeat, also through ties on the creation time', async () => {
    const all: JobRecord[] = [];
    await store.transaction(async (tx) => {
      for (let i = 0; i < 10_000; i++) {
        // Seven jobs share each millisecond, so pages must break ties by id.
        clock.advance(i % 7 === 0 ? 1 : 0);
        const { job } = await tx.jobs.insertJobIfNew(newJob({ folderId: `folder-${i % 4}`, profileId: i % 2 ? 'p-odd' : 'p-even' }));
        all.push(job);
      }
    });

    const everything = await pageThrough({ limit: 100 });
    expect(everything.ids).toEqual(newestFirst(all));
    expect(everything.pages).toBe(100);

    const folder2 = await pageThrough({ folderId: 'folder-2', profileId: 'p-even', limit: 333 });
    expect(folder2.ids).toEqual(newestFirst(all.filter((j) => j.folderId === 'folder-2' && j.profileId === 'p-even')));
    expect(folder2.ids).toHaveLength(2500);
    // 10,000 inserts take about 10 s on an idle 2-core machine and over 60 s when other test runs share it: the limit
    // is for a hung store, not a speed goal (History's speed is measured by bench:ui).
  }, 240_000);

  // SQLite's query planner is asked through its file; PostgreSQL plans with statistics, so the test is SQLite's own.
  it.skipIf(TEST_STORE_KIND === 'postgres')('reads the jobs in index order without a sort step, filtered or not', () => {
    // The plan of the store's own SQL, asked on a second connection to the same file (the store has no raw handle).
    const db = new Database(store.path);
    const plan = (sql: string) =>
      allRows<{ detail: string }>(db, `EXPLAIN QUERY PLAN ${sql}`, { c: 1, i: 'x', f: 'f' })
        .map((r) => r.detail)
        .join('; ');
    try {
      const unfiltered = plan('SELECT * FROM jobs WHERE (created_at, id) < (:c, :i) ORDER BY created_at DESC, id DESC LIMIT 100');
      expect(unfiltered).toMatch(/USING INDEX jobs_created/);
      expect(unfiltered).not.toMatch(/TEMP B-TREE/);
      const byFolder = plan(
        'SELECT * FROM jobs WHERE folder_id = :f AND (created_at, id) < (:c, :i) ORDER BY created_at DESC, id DESC LIMIT 100',
      );
      expect(byFolder).toMatch(/USING INDEX jobs_folder_created/);
      expect(byFolder).not.toMatch(/TEMP B-TREE/);
    } finally {
      db.close();
    }
  });

  it('filters by states, dates and a search text with LIKE wildcards taken literally', async () => {
    const a = await insert({ sourceName: 'summer_sale.jpg', sourcePath: '/in/summer_sale.jpg' });
    const b = await insert({ sourceName: 'summerXsale.jpg', sourcePath: '/in/summerXsale.jpg' });
    const c = await insert({ sourceName: '100%.png', sourcePath: '/in/campaign/100%.png' }, 1000);
    await store.jobs.cancel(b.id);

    const q = async (query: Omit<JobQuery, 'limit'>) => (await store.history.queryJobs({ limit: 50, ...query })).jobs.map((j) => j.id);
    expect(await q({ search: 'summer_sale' })).toEqual([a.id]);
    expect(await q({ search: 'SUMMER' })).toEqual([b.id, a.id]);
    expect(await q({ search: '100%' })).toEqual([c.id]);
    expect(await q({ search: 'campaign' })).toEqual([c.id]);
    expect(await q({ states: ['cancelled'] })).toEqual([b.id]);
    expect(await q({ states: ['queued', 'cancelled'] })).toEqual([c.id, b.id, a.id]);
    expect(await q({ since: b.createdAt })).toEqual([c.id, b.id]);
    expect(await q({ since: a.createdAt, until: c.createdAt })).toEqual([b.id, a.id]);
  });

  it('rejects a bad page size, an unknown state and a forged cursor', async () => {
    await expect(store.history.queryJobs({ limit: 0 })).rejects.toThrow(expect.objectContaining({ code: 'invalid_query' }));
    await expect(store.history.queryJobs({ limit: 10, states: ['paused' as never] })).rejects.toThrow(/Unknown job state/);
    await expect(store.history.queryJobs({ limit: 10, cursor: 'garbage' })).rejects.toThrow(
      expect.objectContaining({ code: 'invalid_query' }),
    );
  });

  it('keeps later pages stable while new jobs arrive', async () => {
    const old = [await insert(), await insert(), await insert()];
    const first = await store.history.queryJobs({ limit: 2 });
    await insert();
    const second = await store.history.queryJobs({ limit: 2, cursor: first.nextCursor });
    expect(second.jobs.map((j) => j.id)).toEqual([old[0]!.id]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('countByState', () => {
  it('counts every state, zeros included, optionally for one folder', async () => {
    await insert({ folderId: 'x' });
    await store.jobs.cancel((await insert({ folderId: 'x' })).id);
    await insert({ folderId: 'y' });
    const all = await store.history.countByState();
    expect(Object.keys(all).sort()).toEqual([...JOB_STATES].sort());
    expect(all).toMatchObject({ queued: 2, cancelled: 1, done: 0 });
    expect(await store.history.countByState({ folderId: 'x' })).toMatchObject({ queued: 1, cancelled: 1 });
    expect((await store.history.countByState({ profileId: 'none' })).queued).toBe(0);
  });
});

describe('getJobDetail', () => {
  it('returns the job with its requests, outputs and newest events', async () => {
    const job = await insert();
    await store.jobs.transition(job.id, 'preparing');
    await store.jobs.transition(job.id, 'uploading');
    await store.requests.recordRequestId(job.id, 0, 'req-1', ['1080x1080']);
    await store.outputs.addOutput({
      jobId: job.id,
      target: '1080x1080',
      imageIndex: 0,
      path: '/o.png',
      width: 1080,
      height: 1080,
      provider: 'fal',
      tier: '1K',
      bytes: 10,
    });
    const detail = (await store.history.getJobDetail(job.id))!;
    expect(detail.job.state).toBe('submitted');
    expect(detail.requests.map((r) => r.requestId)).toEqual(['req-1']);
    expect(detail.outputs.map((o) => o.path)).toEqual(['/o.png']);
    expect(detail.events.map((e) => e.kind)).toEqual([
      'job_created',
      'job_state',
      'job_state',
      'request_submitted',
      'job_state',
      'output_written',
    ]);
    expect((await store.history.getJobDetail(job.id, 2))!.events.map((e) => e.kind)).toEqual(['job_state', 'output_written']);
    expect(await store.history.getJobDetail('nope')).toBeUndefined();
  });
});
