import pg from 'pg';
import { SmartResizeError, describeError } from '../../../domain/errors';
import type { JobStore, StoreRepositories, StoreTransaction } from '../jobStore';
import type { StoreEventListener } from '../storeEvents';
import type { MigrationReport, StoreEvent } from '../types';
import type { PgContext } from './pgContext';
import { renewLeases } from './pgJobQueue';
import { runPgMigrations } from './pgMigrate';
import { PG_JOB_DB_MIGRATIONS } from './migrations';
import { pgRepositories, routedRepositories } from './pgRepositories';
import { transactionHandle, unitContext } from './pgUnitContext';
import { STORE_TYPES, isConnectionLoss, isRetryable, pgExec } from './pgSql';
import { beat, defaultInstanceName, listConnectedInstances, refuseTwin, type ConnectedInstance, type InstanceRegistration } from './pgInstances';
import { redactUrl } from './redactUrl';
import { StoreUnreachableError, mustNotWait, waitingAsUsual } from './storeUnreachable';

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** Clock in epoch milliseconds for job times; tests pass a fake one. */
  readonly now?: () => number;
  /** This instance's name (claims, "made by", "seen by"); default `user@host`. */
  readonly instance?: string;
  /** How long a claim holds without renewal; renewed every third of it. Default 30 s. */
  readonly leaseMs?: number;
  /** A schema of the database to use instead of `public` (created if missing): tests, several teams on one server. */
  readonly schema?: string;
  /** Most connections this instance opens. Default 8. */
  readonly maxConnections?: number;
  /**
   * How long the server lets a transaction of this instance sit idle before it ends it (and its locks). Default 30 s,
   * far above any unit's gaps: only a stalled client (a laptop asleep, a stopped process) waits that long.
   */
  readonly stalledTransactionMs?: number;
}

/** See {@link PostgresStoreOptions.stalledTransactionMs}. */
const STALLED_TRANSACTION_MS = 30_000;

/** Whether the database answers, for the UI: "connected" or unreachable since when. */
export interface StoreConnection {
  readonly reachable: boolean;
  /** When it stopped answering (epoch ms), while unreachable. */
  readonly since: number | null;
  readonly error: string | null;
}

/**
 * Opens the team's job store on PostgreSQL at `url` (`postgres://user:pass@host:port/db`, or a socket folder as
 * `?host=/run/postgresql`). It returns at once; the connection and the migrations happen on first use, and every
 * call waits for them (a failure rejects each call with the reason).
 */
export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): PostgresJobStore {
  return new PostgresJobStore(url, options);
}

/**
 * The PostgreSQL job store. Each unit of work (one repository call, or a `transaction()`) is one transaction on a
 * pooled client, so units of this instance and of other instances run side by side; rows a unit changes are locked
 * (FOR UPDATE) until it ends. A unit that fails because the server went away is run again once it answers, so a
 * short outage pauses the engine instead of failing its jobs. Events are pushed to listeners after the commit.
 */
export class PostgresJobStore implements JobStore {
  readonly jobs: StoreRepositories['jobs'];
  readonly requests: StoreRepositories['requests'];
  readonly submits: StoreRepositories['submits'];
  readonly outputs: StoreRepositories['outputs'];
  readonly queue: StoreRepositories['queue'];
  readonly history: StoreRepositories['history'];
  readonly events: StoreRepositories['events'];
  readonly seenFiles: StoreRepositories['seenFiles'];
  readonly ledger: StoreRepositories['ledger'];
  readonly reservations: StoreRepositories['reservations'];
  readonly bursts: StoreRepositories['bursts'];
  readonly reviews: StoreRepositories['reviews'];
  readonly marks: StoreRepositories['marks'];
  readonly versions: StoreRepositories['versions'];
  readonly presets: StoreRepositories['presets'];
  readonly variants: StoreRepositories['variants'];
  readonly names: StoreRepositories['names'];
  readonly path: string;
  readonly instance: string;
  private report: MigrationReport = { applied: [], version: 0 };
  private readonly pool: pg.Pool;
  /**
   * One connection of its own for the heartbeat (lease renewals): in the work pool a renewal queued behind eight busy
   * units, so a live but busy instance let its leases run out and had its running jobs taken over.
   */
  private readonly heartbeatPool: pg.Pool;
  private readonly ready: Promise<void>;
  private readonly now: () => number;
  private readonly leaseMs: number;
  private readonly listeners = new Set<StoreEventListener>();
  private readonly connectionListeners = new Set<(connection: StoreConnection) => void>();
  private connection: StoreConnection = { reachable: true, since: null, error: null };
  /** When the server last started answering this instance (its start, or the end of an outage). */
  private reachableSince = Date.now();
  private heartbeat: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private readonly listened = new WeakSet<pg.PoolClient>();
  private closed = false;

  constructor(url: string, options: PostgresStoreOptions) {
    this.path = redactUrl(url);
    this.now = options.now ?? Date.now;
    this.instance = options.instance ?? defaultInstanceName();
    this.leaseMs = options.leaseMs ?? 30_000;
    const schema = options.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Schema name "${schema}" must be lower-case letters, digits and _.`);
    const poolConfig = {
      connectionString: url,
      types: STORE_TYPES,
      connectionTimeoutMillis: 5000,
      // Days of the ledger are the engine's local days, as SQLite's 'localtime'. A transaction left idle is ended by
      // the server: a stalled instance inside one (asleep, stopped) would otherwise hold the team's budget lock, and
      // with it every instance's claims and admissions, until its connection was found dead (hours with TCP).
      options: [
        `-c TimeZone=${Intl.DateTimeFormat().resolvedOptions().timeZone}`,
        `-c idle_in_transaction_session_timeout=${Math.round(options.stalledTransactionMs ?? STALLED_TRANSACTION_MS)}`,
        ...(schema ? [`-c search_path=${schema}`] : []),
      ].join(' '),
    };
    this.pool = new pg.Pool({ ...poolConfig, max: options.maxConnections ?? 8 });
    this.heartbeatPool = new pg.Pool({ ...poolConfig, max: 1 });
    // An idle client losing its server (a restart) is reported here; the next unit reconnects.
    this.pool.on('error', (error) => this.markUnreachable(error));
    this.heartbeatPool.on('error', (error) => this.markUnreachable(error));
    this.ready = this.prepare(schema);
    this.ready.catch(() => undefined);
    const routed = routedRepositories((repository, method, args) =>
      this.unit((repos) => Reflect.apply(Reflect.get(repos[repository], method) as (...a: unknown[]) => Promise<unknown>, repos[repository], args)),
    );
    this.jobs = routed.jobs;
    this.requests = routed.requests;
    this.submits = routed.submits;
    this.outputs = routed.outputs;
    this.queue = routed.queue;
    this.history = routed.history;
    this.events = routed.events;
    this.seenFiles = routed.seenFiles;
    this.ledger = routed.ledger;
    this.reservations = routed.reservations;
    this.bursts = routed.bursts;
    this.reviews = routed.reviews;
    this.marks = routed.marks;
    this.versions = routed.versions;
    this.presets = routed.presets;
    this.variants = routed.variants;
    this.names = routed.names;
  }

  /** What opening did to the schema (known once the first call has connected). */
  get migrations(): MigrationReport {
    return this.report;
  }

  /** Whether the server answers now; see {@link onConnection}. */
  get connectionState(): StoreConnection {
    return this.connection;
  }

  /** Tells `listener` each time the server stops or starts answering. Returns the function that stops it. */
  onConnection(listener: (connection: StoreConnection) => void): () => void {
    this.connectionListeners.add(listener);
    return () => void this.connectionListeners.delete(listener);
  }

  /** The instances that renewed their heartbeat within three leases, with when they were last seen. */
  connectedInstances(): Promise<ConnectedInstance[]> {
    return this.unit((_repos, ctx) => listConnectedInstances(ctx.client, this.now() - 3 * this.leaseMs));
  }

  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return this.unit(async (_repos, ctx) => {
      const handle = transactionHandle(ctx);
      try {
        return await work(handle.tx);
      } finally {
        handle.close();
      }
    });
  }

  subscribe(listener: StoreEventListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    while (this.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await this.pool.end().catch(() => undefined);
    await this.heartbeatPool.end().catch(() => undefined);
  }

  /** Connects, creates the schema if asked, migrates (once for the whole team), registers this instance. */
  private async prepare(schema: string | undefined): Promise<void> {
    const client = await this.connectWhenUp();
    try {
      if (schema) await pgExec(client, `CREATE SCHEMA IF NOT EXISTS ${schema}`);
      this.report = await runPgMigrations(client, PG_JOB_DB_MIGRATIONS);
      await refuseTwin(client, this.registration());
      await beat(client, this.registration());
    } catch (error) {
      throw error instanceof SmartResizeError
        ? error
        : new SmartResizeError('database_error', `Cannot use the team database ${this.path}: ${describeError(error)}`, { cause: error });
    } finally {
      client.release();
    }
    this.heartbeat = setInterval(() => void this.renew(), Math.max(50, Math.floor(this.leaseMs / 3)));
    this.heartbeat.unref();
  }

  /** A pooled client, waiting while the server is unreachable (the first start during an outage waits too). */
  private async connectWhenUp(): Promise<pg.PoolClient> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const client = await this.pool.connect();
        this.listen(client);
        this.markReachable();
        return client;
      } catch (error) {
        if (this.closed || !isConnectionLoss(error)) {
          throw new SmartResizeError('database_error', `Cannot connect to the team database ${this.path}: ${describeError(error)}`, { cause: error });
        }
        this.markUnreachable(error);
        if (mustNotWait()) throw new StoreUnreachableError(this.path, error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 200 * 2 ** Math.min(attempt, 5))));
      }
    }
  }

  /**
   * One unit of work: BEGIN, the work on this unit's repositories, COMMIT, then its events to listeners. Lost
   * connections and deadlock victims run again (the unit was rolled back by the server, so nothing is half done).
   */
  private async unit<T>(work: (repos: StoreRepositories, ctx: PgContext) => Promise<T>): Promise<T> {
    if (this.closed) throw new SmartResizeError('database_error', `The job database ${this.path} is closed.`);
    this.inFlight += 1;
    try {
      // A caller that must not wait learns of a known outage at once (the first start during one waits in `ready`).
      if (mustNotWait() && !this.connection.reachable) throw new StoreUnreachableError(this.path, new Error(this.connection.error ?? 'unreachable'));
      await this.ready;
      for (let attempt = 0; ; attempt += 1) {
        const client = await this.connectWhenUp();
        const ctx = this.context(client);
        let broken: unknown;
        try {
          await pgExec(client, 'BEGIN');
          const result = await work(pgRepositories(ctx), ctx);
          await pgExec(client, 'COMMIT');
          client.release();
          // Listeners (the scheduler, the UI) start work of their own that must wait for the server as usual.
          waitingAsUsual(() => this.publish(ctx.outbox));
          return result;
        } catch (error) {
          broken = isConnectionLoss(error) ? error : undefined;
          if (!broken) await pgExec(client, 'ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError));
          client.release(broken instanceof Error ? broken : undefined);
          if (this.closed || !isRetryable(error)) throw error;
          if (broken) this.markUnreachable(error);
          if (broken && mustNotWait()) throw new StoreUnreachableError(this.path, error);
          await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** Math.min(attempt, 5))));
        }
      }
    } finally {
      this.inFlight -= 1;
    }
  }

  private context(client: pg.PoolClient): PgContext {
    return unitContext(client, {
      now: this.now,
      instance: this.instance,
      leaseMs: this.leaseMs,
      mayTakeOver: Date.now() - this.reachableSince >= this.leaseMs,
    });
  }

  /** Renews this instance's leases and heartbeat; a failure (server away) is retried at the next beat. */
  private async renew(): Promise<void> {
    if (this.closed) return;
    let client: pg.PoolClient | undefined;
    try {
      client = await this.heartbeatPool.connect();
      this.listen(client);
      await renewLeases({ client, instance: this.instance, leaseMs: this.leaseMs });
      await beat(client, this.registration());
      this.markReachable();
      client.release();
    } catch (error) {
      client?.release(error instanceof Error ? error : undefined);
      if (isConnectionLoss(error)) this.markUnreachable(error);
    }
  }

  /**
   * A checked-out client whose server goes away emits 'error' (the pool only listens while it is idle); unheard, that
   * would end the process. The unit holding it sees the same loss as a failed query and runs again.
   */
  private listen(client: pg.PoolClient): void {
    if (this.listened.has(client)) return;
    this.listened.add(client);
    client.on('error', (error) => this.markUnreachable(error));
  }

  private registration(): InstanceRegistration {
    return { name: this.instance, now: this.now(), leaseMs: this.leaseMs, store: this.path };
  }

  private publish(events: readonly StoreEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (error) {
          console.error(`A store event listener failed on ${event.kind}:`, error);
        }
      }
    }
  }

  private markUnreachable(error: unknown): void {
    if (!this.connection.reachable) return;
    this.setConnection({ reachable: false, since: Date.now(), error: describeError(error) });
  }

  private markReachable(): void {
    if (this.connection.reachable) return;
    this.reachableSince = Date.now();
    this.setConnection({ reachable: true, since: null, error: null });
  }

  private setConnection(connection: StoreConnection): void {
    this.connection = connection;
    for (const listener of this.connectionListeners) listener(connection);
  }
}
