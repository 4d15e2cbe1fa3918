import { describe, expect, it } from 'vitest';
import type { JobStore } from '../../../electron/engine/store/jobStore';
import { newJob, useFreshStore, type FakeClock } from './storeFixture';

let clock: FakeClock;
let store: JobStore;
useFreshStore((opened) => ({ clock, store } = opened));

describe('event log', () => {
  it('tails events after a given id, in order, across job and host events', async () => {
    expect(await store.events.lastEventId()).toBe(0);
    const { job } = await store.jobs.insertJobIfNew(newJob());
    const mark = await store.events.lastEventId();
    await store.jobs.transition(job.id, 'preparing');
    const hostEvent = await store.events.append('queue_paused', null, { reason: 'fal key refused' });
    await store.jobs.transition(job.id, 'waiting_network');

    const tail = await store.events.eventsAfter(mark);
    expect(tail.map((e) => [e.kind, e.jobId])).toEqual([
      ['job_state', job.id],
      ['queue_paused', null],
      ['job_state', job.id],
    ]);
    expect(tail[1]).toMatchObject({ id: hostEvent, at: clock.now(), data: { reason: 'fal key refused' } });
    expect(tail[2]!.data).toMatchObject({ from: 'preparing', to: 'waiting_network' });
    expect((await store.events.eventsAfter(mark, 1)).map((e) => e.kind)).toEqual(['job_state']);
    expect(await store.events.eventsAfter(await store.events.lastEventId())).toEqual([]);
  });
});

describe('seen files', () => {
  it('upserts by path, keeping the first-seen time, and finds copies by hash', async () => {
    const first = await store.seenFiles.upsertSeenFile({
      path: '/in/a.jpg',
      size: 10,
      mtimeMs: 1700000000123.456,
      contentHash: 'h1',
      folderId: 'f',
    });
    expect(first).toMatchObject({ firstSeenAt: clock.now(), lastSeenAt: clock.now(), mtimeMs: 1700000000123.456 });
    clock.advance(5000);
    const touched = await store.seenFiles.upsertSeenFile({
      path: '/in/a.jpg',
      size: 12,
      mtimeMs: 1700000009000,
      contentHash: 'h2',
      folderId: 'f',
    });
    expect(touched).toMatchObject({ size: 12, contentHash: 'h2', firstSeenAt: first.firstSeenAt, lastSeenAt: clock.now() });
    await store.seenFiles.upsertSeenFile({ path: '/in/copy.jpg', size: 12, mtimeMs: 1, contentHash: 'h2', folderId: null });

    expect(await store.seenFiles.getSeenFile('/in/a.jpg')).toEqual(touched);
    expect(await store.seenFiles.getSeenFile('/in/none.jpg')).toBeUndefined();
    expect((await store.seenFiles.findSeenFilesByHash('h2')).map((f) => f.path)).toEqual(['/in/a.jpg', '/in/copy.jpg']);
    expect(await store.seenFiles.findSeenFilesByHash('h1')).toEqual([]);

    expect(await store.seenFiles.removeSeenFile('/in/a.jpg')).toBe(true);
    expect(await store.seenFiles.removeSeenFile('/in/a.jpg')).toBe(false);
    expect((await store.seenFiles.findSeenFilesByHash('h2')).map((f) => f.path)).toEqual(['/in/copy.jpg']);
  });
});
