import type Database from 'libsql';

/** An open connection of the `libsql` package's synchronous, better-sqlite3-compatible API. */
export type SqlDatabase = Database.Database;

/**
 * Values the store binds. libsql aborts the whole process on a boolean parameter and binds a lone `null` argument
 * as if it were a parameter object, so every statement here uses named parameters of these types only.
 */
type SqlValue = string | number | null;

/** Named parameters (`:name` in SQL). */
export type SqlParams = Record<string, SqlValue>;

const statementCache = new WeakMap<SqlDatabase, Map<string, Database.Statement>>();

/** A prepared statement for this SQL text, compiled once per connection (libsql does not cache them itself). */
function statement(db: SqlDatabase, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

/** Runs a write statement. */
export function run(db: SqlDatabase, sql: string, params: SqlParams = {}): Database.RunResult {
  return statement(db, sql).run(params);
}

/** The first row of a query, or undefined. Rows carry a libsql `_metadata` field: map them, never spread them. */
export function getRow<T>(db: SqlDatabase, sql: string, params: SqlParams = {}): T | undefined {
  return statement(db, sql).get(params) as T | undefined;
}

/** All rows of a query. */
export function allRows<T>(db: SqlDatabase, sql: string, params: SqlParams = {}): T[] {
  return statement(db, sql).all(params) as T[];
}

let savepointCounter = 0;

/** The connection and, inside a unit of work, its outbox of appended events (undone with a rolled-back savepoint). */
export interface TransactionTarget {
  readonly db: SqlDatabase;
  readonly outbox?: unknown[];
}

/**
 * Runs `fn` in a transaction and returns its result; an exception rolls everything back. The outermost call takes
 * the write lock at once (BEGIN IMMEDIATE) so two processes on one data folder queue on busy_timeout instead of
 * failing half way; nested calls become savepoints, so repository methods compose into one atomic unit. Events
 * appended inside a savepoint that rolls back are dropped from the outbox with it.
 */
export function withTransaction<T>(target: TransactionTarget, fn: () => T): T {
  const { db, outbox } = target;
  if (db.inTransaction) {
    const name = `sp_${++savepointCounter}`;
    const mark = outbox?.length ?? 0;
    db.exec(`SAVEPOINT ${name}`);
    try {
      const result = fn();
      db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      db.exec(`ROLLBACK TO ${name}`);
      db.exec(`RELEASE ${name}`);
      if (outbox) outbox.length = mark;
      throw error;
    }
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite may already have rolled back on its own (disk full, I/O error); a second ROLLBACK would hide the cause.
    if (db.inTransaction) db.exec('ROLLBACK');
    if (outbox) outbox.length = 0;
    throw error;
  }
}
