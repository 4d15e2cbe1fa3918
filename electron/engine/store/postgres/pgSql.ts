import pg from 'pg';

/** Values the PostgreSQL store binds (the same as SQLite's: JSON goes in as text). */
type PgValue = string | number | null;

/** Named parameters (`:name` in SQL, as in the SQLite store), turned into `$n` once per SQL text. */
export type PgParams = Record<string, PgValue>;

/** A connection a query can run on (a pool client inside a unit of work). */
export interface PgQueryable {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}

interface CompiledSql {
  readonly name: string;
  readonly text: string;
  readonly names: readonly string[];
}

const compiled = new Map<string, CompiledSql>();

/**
 * `:name` placeholders to `$1..$n` (a name used twice binds one parameter), leaving `::type` casts alone. The
 * compiled text is also given a statement name, so each pooled connection parses and plans it once.
 */
function compile(sql: string): CompiledSql {
  let found = compiled.get(sql);
  if (found) return found;
  const names: string[] = [];
  const text = sql.replace(/(?<![:\w]):([A-Za-z_]\w*)/g, (_match, name: string) => {
    let index = names.indexOf(name);
    if (index < 0) index = names.push(name) - 1;
    return `$${index + 1}`;
  });
  found = { name: `sr_${compiled.size + 1}`, text, names };
  compiled.set(sql, found);
  return found;
}

async function query<T>(client: PgQueryable, sql: string, params: PgParams): Promise<pg.QueryResult & { rows: T[] }> {
  const { name, text, names } = compile(sql);
  const values = names.map((n) => {
    const value = params[n];
    if (value === undefined) throw new Error(`SQL parameter :${n} is missing.`);
    return value;
  });
  return (await client.query({ name, text, values })) as pg.QueryResult & { rows: T[] };
}

/** Runs SQL text without parameters (transaction control, migrations: several statements in one text). */
export async function pgExec(client: PgQueryable, text: string): Promise<void> {
  await client.query({ text });
}

/** All rows of a query. */
export async function pgRows<T>(client: PgQueryable, sql: string, params: PgParams = {}): Promise<T[]> {
  return (await query<T>(client, sql, params)).rows;
}

/** The first row of a query, or undefined. */
export async function pgRow<T>(client: PgQueryable, sql: string, params: PgParams = {}): Promise<T | undefined> {
  return (await query<T>(client, sql, params)).rows[0];
}

/** Runs a write; resolves how many rows it changed. */
export async function pgRun(client: PgQueryable, sql: string, params: PgParams = {}): Promise<number> {
  return (await query(client, sql, params)).rowCount ?? 0;
}

/**
 * Type parsers for the store's columns: BIGINT (epoch milliseconds, counts, ids) and NUMERIC (sums of BIGINT) come
 * back as JavaScript numbers, as SQLite gives them. Every value the store keeps fits in 2^53 (milliseconds until
 * the year 287396, cents of a budget), so nothing is rounded.
 */
export const STORE_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** The database's own clock in epoch milliseconds, as SQL (leases are compared on one clock for every machine). */
export const DB_NOW_MS = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * True when an error means the server could not be reached or went away (refused, reset, shut down, starting up,
 * connection lost), not that a statement was wrong: such a unit of work is tried again when the server is back.
 */
export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (CONNECTION_CODES.has(code)) return true;
    // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now; 25P03: the server
    // ended a transaction left idle too long (the session goes with it).
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '25P03') return true;
  }
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(error.message);
}

/** True for a unit of work that may simply run again: the connection was lost, or PostgreSQL chose it as a deadlock victim. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return isConnectionLoss(error) || code === '40001' || code === '40P01';
}
