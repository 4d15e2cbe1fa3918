import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobStore, StoreEvent } from '../../../electron/engine/store';
import { newJob, useFreshStore, TEST_STORE_KIND } from './storeFixture';

let store: JobStore;
useFreshStore((opened) => ({ store } = opened));

let seen: StoreEvent[];
beforeEach(() => {
  seen = [];
  store.subscribe((event) => seen.push(event));
  // No timer may fire: whatever reaches a listener is pushed by the commit itself, not by a poll.
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('events pushed after commit', () => {
  it('reaches listeners before the call that made the change resolves, with the job as the change left it', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    expect(seen.map((event) => [event.kind, event.job?.state])).toEqual([['job_created', 'queued']]);
    const moved = await store.jobs.transition(job.id, 'preparing');
    expect(seen.at(-1)).toMatchObject({ kind: 'job_state', jobId: job.id, data: { from: 'queued', to: 'preparing' }, job: moved });
    // Nothing polls: no timer delivers events. (PostgreSQL's pool has its idle-connection timers and the store its
    // lease heartbeat; the push itself is asserted above, before the call resolved.)
    if (TEST_STORE_KIND === 'sqlite') expect(vi.getTimerCount()).toBe(0);
  });

  it('pushes the same events the durable log keeps, ids included (the log only lacks the attached job)', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await store.jobs.transition(job.id, 'preparing');
    await store.events.append('queue_paused', null, { reason: 'paused by the user' });
    const logged = await store.events.eventsAfter(0);
    expect(seen.map(({ job: _job, ...event }) => event)).toEqual(logged);
  });

  it('pushes a transaction’s events once, after its commit, in order', async () => {
    let duringTransaction = -1;
    await store.transaction(async (tx) => {
      const { job } = await tx.jobs.insertJobIfNew(newJob());
      await tx.jobs.transition(job.id, 'preparing');
      duringTransaction = seen.length;
    });
    expect(duringTransaction).toBe(0);
    expect(seen.map((event) => event.kind)).toEqual(['job_created', 'job_state']);
  });

  it('pushes nothing for a rolled-back unit, nor for a nested unit undone inside a committed one', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.jobs.insertJobIfNew(newJob());
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(seen).toEqual([]);
    await store.transaction(async (tx) => {
      await tx.jobs.insertJobIfNew(newJob({ contentHash: 'kept' }));
      await tx.transaction(async (inner) => {
        await inner.jobs.insertJobIfNew(newJob({ contentHash: 'undone' }));
        throw new Error('inner');
      }).catch(() => undefined);
    });
    expect(seen.map((event) => [event.kind, event.job?.contentHash])).toEqual([['job_created', 'kept']]);
    // A refused move inside a repository method (its own savepoint) leaves no event either.
    await expect(store.jobs.transition(seen[0]!.jobId!, 'done')).rejects.toMatchObject({ code: 'invalid_job_transition' });
    expect(seen).toHaveLength(1);
  });

  it('keeps the commit whatever a listener does, and still tells the other listeners', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const unsubscribe = store.subscribe(() => {
      throw new Error('listener bug');
    });
    const later: string[] = [];
    store.subscribe((event) => later.push(event.kind));
    const { job, created } = await store.jobs.insertJobIfNew(newJob());
    expect(created).toBe(true);
    expect(later).toEqual(['job_created']);
    expect(errors).toHaveBeenCalledWith('A store event listener failed on job_created:', expect.objectContaining({ message: 'listener bug' }));
    unsubscribe();
    await store.jobs.transition(job.id, 'preparing');
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});
