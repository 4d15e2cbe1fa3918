import { describe, expect, it } from 'vitest';
import type { JobStore } from '../../../electron/engine/store';
import { TEST_STORE_KIND, newJob, useFreshStore } from './storeFixture';

let store: JobStore;
useFreshStore((opened) => ({ store } = opened));

/** A promise and the function that settles it, to hold a transaction open at a point of the test's choosing. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('store.transaction', () => {
  it('commits every write of the unit together and resolves its result', async () => {
    const id = await store.transaction(async (tx) => {
      const { job } = await tx.jobs.insertJobIfNew(newJob());
      await tx.jobs.transition(job.id, 'preparing');
      return job.id;
    });
    expect((await store.jobs.getJob(id))?.state).toBe('preparing');
  });

  it('rolls back every write of a unit that rejects', async () => {
    const hash = 'rolled-back';
    await expect(
      store.transaction(async (tx) => {
        await tx.jobs.insertJobIfNew(newJob({ contentHash: hash }));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await store.history.queryJobs({ limit: 10 })).jobs).toEqual([]);
  });

  // SQLite has one connection, so a caller's statement would join an open transaction: it must wait. PostgreSQL runs
  // each unit on its own pooled client, side by side; the isolation test below holds for both.
  it.skipIf(TEST_STORE_KIND === 'postgres')("never lets another caller's statement run inside an open transaction (one connection, so they would join it)", async () => {
    const held = gate();
    const inside = store.transaction(async (tx) => {
      await tx.jobs.insertJobIfNew(newJob({ contentHash: 'inside' }));
      // The transaction waits here; meanwhile others call the store.
      await held.opened;
      throw new Error('roll back');
    });
    const order: string[] = [];
    const outside = store.jobs.insertJobIfNew(newJob({ contentHash: 'outside' })).then((result) => {
      order.push('outside written');
      return result;
    });
    const read = store.history.queryJobs({ limit: 10 }).then((page) => {
      order.push('read');
      return page;
    });
    // Turns of the event loop pass; the others still wait for the transaction.
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    held.open();
    await expect(inside).rejects.toThrow('roll back');
    // The outside write ran after the rollback, in its own commit: it survives, and nothing of the rolled-back unit.
    expect((await outside).created).toBe(true);
    expect((await read).jobs.map((job) => job.contentHash)).toEqual(['outside']);
    expect(order).toEqual(['outside written', 'read']);
  });

  it("never shows an open transaction's writes to another caller, and drops them with its rollback", async () => {
    const held = gate();
    const written = gate();
    const inside = store.transaction(async (tx) => {
      await tx.jobs.insertJobIfNew(newJob({ contentHash: 'inside' }));
      written.open();
      await held.opened;
      throw new Error('roll back');
    });
    await written.opened;
    const read = store.history.queryJobs({ limit: 10 });
    held.open();
    await expect(inside).rejects.toThrow('roll back');
    expect((await read).jobs).toEqual([]);
    expect((await store.history.queryJobs({ limit: 10 })).jobs).toEqual([]);
  });

  // One connection runs units one after another (SQLite); PostgreSQL's units run side by side and lock rows instead.
  it.skipIf(TEST_STORE_KIND === 'postgres')('runs units in the order they were asked for', async () => {
    const held = gate();
    const done: string[] = [];
    const first = store.transaction(async (tx) => {
      await held.opened;
      await tx.jobs.insertJobIfNew(newJob({ contentHash: 'first' }));
      done.push('first');
    });
    const second = store.transaction(async (tx) => {
      await tx.jobs.insertJobIfNew(newJob({ contentHash: 'second' }));
      done.push('second');
    });
    const third = store.jobs.insertJobIfNew(newJob({ contentHash: 'third' })).then(() => done.push('third'));
    held.open();
    await Promise.all([first, second, third]);
    expect(done).toEqual(['first', 'second', 'third']);
  });

  it('undoes only a nested unit that fails, keeping the rest of the transaction', async () => {
    const ids = await store.transaction(async (tx) => {
      const kept = (await tx.jobs.insertJobIfNew(newJob({ contentHash: 'kept' }))).job.id;
      await expect(
        tx.transaction(async (inner) => {
          await inner.jobs.insertJobIfNew(newJob({ contentHash: 'undone' }));
          throw new Error('inner failure');
        }),
      ).rejects.toThrow('inner failure');
      return [kept];
    });
    expect((await store.history.queryJobs({ limit: 10 })).jobs.map((job) => job.id)).toEqual(ids);
  });

  it('refuses calls on a transaction handle after its transaction ended (a missing await fails loudly)', async () => {
    let leaked: Parameters<Parameters<JobStore['transaction']>[0]>[0] | undefined;
    await store.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.jobs.insertJobIfNew(newJob())).rejects.toThrow('This store transaction has ended; await every call made inside it.');
    expect((await store.history.queryJobs({ limit: 10 })).jobs).toEqual([]);
  });

  it('refuses calls once closed, with the reason', async () => {
    await store.close();
    await expect(store.jobs.getJob('any')).rejects.toMatchObject({ code: 'database_error', message: `The job database ${store.path} is closed.` });
  });
});
