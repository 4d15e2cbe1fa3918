import type { StoreRepositories, StoreTransaction } from '../jobStore';
import type { StoreEvent } from '../types';
import type { PgContext } from './pgContext';
import { pgRepositories, routedRepositories } from './pgRepositories';
import { isConnectionLoss, pgExec, type PgQueryable } from './pgSql';

let savepoints = 0;

/** The context of one unit of work on `client`: a fresh outbox, and savepoints for its nested units. */
export function unitContext(client: PgQueryable, fields: Omit<PgContext, 'client' | 'outbox' | 'atomic'>): PgContext {
  const ctx: PgContext = {
    ...fields,
    client,
    outbox: [] as StoreEvent[],
    atomic: async <R>(work: () => Promise<R>): Promise<R> => {
      const name = `sp_${++savepoints}`;
      const mark = ctx.outbox.length;
      await pgExec(client, `SAVEPOINT ${name}`);
      try {
        const result = await work();
        await pgExec(client, `RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        // A lost connection took the whole unit with it: there is no savepoint left to roll back to.
        if (!isConnectionLoss(error)) await pgExec(client, `ROLLBACK TO SAVEPOINT ${name}`);
        ctx.outbox.length = mark;
        throw error;
      }
    },
  };
  return ctx;
}

const ENDED = 'This store transaction has ended; await every call made inside it.';

/** The handle of `transaction(work)`: each call in a savepoint of the unit; refused once the unit has ended. */
export function transactionHandle(ctx: PgContext): { tx: StoreTransaction; close: () => void } {
  const repos = pgRepositories(ctx);
  let open = true;
  const call = (repository: keyof StoreRepositories, method: string, args: unknown[]): Promise<unknown> => {
    if (!open) return Promise.reject(new Error(ENDED));
    const target = repos[repository];
    return ctx.atomic(() => Reflect.apply(Reflect.get(target, method) as (...a: unknown[]) => Promise<unknown>, target, args));
  };
  const tx: StoreTransaction = {
    ...routedRepositories(call),
    transaction: (work) => {
      if (!open) return Promise.reject(new Error(ENDED));
      return ctx.atomic(() => work(tx));
    },
  };
  return { tx, close: () => void (open = false) };
}
