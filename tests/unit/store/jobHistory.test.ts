import { describe, expect, it } from 'vitest';
import { JOB_STATES } from '../../../electron/domain/jobStates';
import type { JobQuery } from '../../../electron/engine/store/jobHistory';
import type { JobStore } from '../../../electron/engine/store/jobStore';
import { allRows, withTransaction } from '../../../electron/engine/store/sqlite';
import type { JobRecord, NewJob } from '../../../electron/engine/store/types';
import { newJob, useFreshStore, type FakeClock } from './storeFixture';

let clock: FakeClock;
let store: JobStore;
useFreshStore((opened) => ({ clock, store } = opened));

function insert(overrides: Partial<NewJob> = {}, advanceMs = 1): JobRecord {
  clock.advance(advanceMs);
  return store.jobs.insertJobIfNew(newJob(overrides)).job;
}

/** Reads every page of a query and returns the ids in order. */
function pageThrough(query: Omit<JobQuery, 'cursor'>): { ids: string[]; pages: number } {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = store.history.queryJobs({ ...query, cursor });
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
  it('pages 10,000 jobs newest first with no gap or repeat, also through ties on the creation time', () => {
    const all: JobRecord[] = [];
    withTransaction(store.db, () => {
      for (let i = 0; i < 10_000; i++) {
        // Seven jobs share each millisecond, so pages must break ties by id.
        const job = insert({ folderId: `folder-${i % 4}`, profileId: i % 2 ? 'p-odd' : 'p-even' }, i % 7 === 0 ? 1 : 0);
        all.push(job);
      }
    });

    const everything = pageThrough({ limit: 100 });
    expect(everything.ids).toEqual(newestFirst(all));
    expect(everything.pages).toBe(100);

    const folder2 = pageThrough({ folderId: 'folder-2', profileId: 'p-even', limit: 333 });
    expect(folder2.ids).toEqual(newestFirst(all.filter((j) => j.folderId === 'folder-2' && j.profileId === 'p-even')));
    expect(folder2.ids).toHaveLength(2500);
  });

  it('reads the jobs in index order without a sort step, filtered or not', () => {
    const plan = (sql: string) =>
      allRows<{ detail: string }>(store.db, `EXPLAIN QUERY PLAN ${sql}`, { c: 1, i: 'x', f: 'f' })
        .map((r) => r.detail)
        .join('; ');
    const unfiltered = plan('SELECT * FROM jobs WHERE (created_at, id) < (:c, :i) ORDER BY created_at DESC, id DESC LIMIT 100');
    expect(unfiltered).toMatch(/USING INDEX jobs_created/);
    expect(unfiltered).not.toMatch(/TEMP B-TREE/);
    const byFolder = plan(
      'SELECT * FROM jobs WHERE folder_id = :f AND (created_at, id) < (:c, :i) ORDER BY created_at DESC, id DESC LIMIT 100',
    );
    expect(byFolder).toMatch(/USING INDEX jobs_folder_created/);
    expect(byFolder).not.toMatch(/TEMP B-TREE/);
  });

  it('filters by states, dates and a search text with LIKE wildcards taken literally', () => {
    const a = insert({ sourceName: 'summer_sale.jpg', sourcePath: '/in/summer_sale.jpg' });
    const b = insert({ sourceName: 'summerXsale.jpg', sourcePath: '/in/summerXsale.jpg' });
    const c = insert({ sourceName: '100%.png', sourcePath: '/in/campaign/100%.png' }, 1000);
    store.jobs.cancel(b.id);

    const q = (query: Omit<JobQuery, 'limit'>) => store.history.queryJobs({ limit: 50, ...query }).jobs.map((j) => j.id);
    expect(q({ search: 'summer_sale' })).toEqual([a.id]);
    expect(q({ search: 'SUMMER' })).toEqual([b.id, a.id]);
    expect(q({ search: '100%' })).toEqual([c.id]);
    expect(q({ search: 'campaign' })).toEqual([c.id]);
    expect(q({ states: ['cancelled'] })).toEqual([b.id]);
    expect(q({ states: ['queued', 'cancelled'] })).toEqual([c.id, b.id, a.id]);
    expect(q({ since: b.createdAt })).toEqual([c.id, b.id]);
    expect(q({ since: a.createdAt, until: c.createdAt })).toEqual([b.id, a.id]);
  });

  it('rejects a bad page size, an unknown state and a forged cursor', () => {
    expect(() => store.history.queryJobs({ limit: 0 })).toThrow(expect.objectContaining({ code: 'invalid_query' }));
    expect(() => store.history.queryJobs({ limit: 10, states: ['paused' as never] })).toThrow(/Unknown job state/);
    expect(() => store.history.queryJobs({ limit: 10, cursor: 'garbage' })).toThrow(
      expect.objectContaining({ code: 'invalid_query' }),
    );
  });

  it('keeps later pages stable while new jobs arrive', () => {
    const old = [insert(), insert(), insert()];
    const first = store.history.queryJobs({ limit: 2 });
    insert();
    const second = store.history.queryJobs({ limit: 2, cursor: first.nextCursor });
    expect(second.jobs.map((j) => j.id)).toEqual([old[0]!.id]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('countByState', () => {
  it('counts every state, zeros included, optionally for one folder', () => {
    insert({ folderId: 'x' });
    store.jobs.cancel(insert({ folderId: 'x' }).id);
    insert({ folderId: 'y' });
    const all = store.history.countByState();
    expect(Object.keys(all).sort()).toEqual([...JOB_STATES].sort());
    expect(all).toMatchObject({ queued: 2, cancelled: 1, done: 0 });
    expect(store.history.countByState({ folderId: 'x' })).toMatchObject({ queued: 1, cancelled: 1 });
    expect(store.history.countByState({ profileId: 'none' }).queued).toBe(0);
  });
});

describe('getJobDetail', () => {
  it('returns the job with its requests, outputs and newest events', () => {
    const job = insert();
    store.jobs.transition(job.id, 'preparing');
    store.jobs.transition(job.id, 'uploading');
    store.requests.recordRequestId(job.id, 0, 'req-1', ['1080x1080']);
    store.outputs.addOutput({
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
    const detail = store.history.getJobDetail(job.id)!;
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
    expect(store.history.getJobDetail(job.id, 2)!.events.map((e) => e.kind)).toEqual(['job_state', 'output_written']);
    expect(store.history.getJobDetail('nope')).toBeUndefined();
  });
});
