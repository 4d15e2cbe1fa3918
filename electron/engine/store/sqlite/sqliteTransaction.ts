import type { StoreTransaction } from '../jobStore';
import type { StoreContext } from './storeContext';
import { asyncRepositories, type SyncRepositories } from './syncRepositories';

let savepointCounter = 0;

/**
 * The handle `store.transaction(work)` gives `work`: the repositories, run directly on the connection its
 * transaction holds (no lock: the transaction already has it). Once the transaction has ended the handle refuses
 * every call, so a forgotten `await` fails loudly instead of writing outside the transaction.
 */
export function openTransaction(sync: SyncRepositories, ctx: StoreContext): { tx: StoreTransaction; close: () => void } {
  let open = true;
  const run = <R>(call: () => R): Promise<R> => {
    try {
      if (!open) throw new Error('This store transaction has ended; await every call made inside it.');
      return Promise.resolve(call());
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const tx: StoreTransaction = {
    ...asyncRepositories(sync, run),
    // A savepoint: its failure undoes its own writes and drops its events. Run nested units one after another.
    transaction: async (work) => {
      if (!open) throw new Error('This store transaction has ended; await every call made inside it.');
      const name = `tx_${++savepointCounter}`;
      const mark = ctx.outbox.length;
      ctx.db.exec(`SAVEPOINT ${name}`);
      try {
        const result = await work(tx);
        ctx.db.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        if (ctx.db.inTransaction) {
          ctx.db.exec(`ROLLBACK TO ${name}`);
          ctx.db.exec(`RELEASE ${name}`);
        }
        ctx.outbox.length = mark;
        throw error;
      }
    },
  };
  return { tx, close: () => void (open = false) };
}
