import type { StoreRepositories } from '../jobStore';
import { SqliteBurstHoldRepository } from './burstHoldRepository';
import { SqliteEventLog } from './eventLog';
import { SqliteJobHistory } from './jobHistory';
import { SqliteJobQueue } from './jobQueue';
import { SqliteJobRepository } from './jobRepository';
import { SqliteLedgerRepository } from './ledgerRepository';
import { SqliteOutputNameRepository } from './outputNameRepository';
import { SqliteOutputRepository } from './outputRepository';
import { SqliteOutputVariantRepository } from './outputVariantRepository';
import { SqliteOutputVersionRepository } from './outputVersionRepository';
import { SqliteRequestRepository } from './requestRepository';
import { SqliteReviewRepository } from './reviewRepository';
import { SqliteReservationRepository } from './reservationRepository';
import { SqliteSeenFileRepository } from './seenFileRepository';
import { SqliteSourceMarksRepository } from './sourceMarksRepository';
import { SqliteSubmitRepository } from './submitRepository';
import { SqliteTeamPresetRepository } from './teamPresetRepository';
import type { StoreContext } from './storeContext';

/** The SQLite repositories, synchronous (libsql), each a class with the SQL of its table or verb. */
export function syncRepositories(ctx: StoreContext) {
  return {
    jobs: new SqliteJobRepository(ctx),
    requests: new SqliteRequestRepository(ctx),
    submits: new SqliteSubmitRepository(ctx),
    outputs: new SqliteOutputRepository(ctx),
    versions: new SqliteOutputVersionRepository(ctx),
    variants: new SqliteOutputVariantRepository(ctx),
    queue: new SqliteJobQueue(ctx),
    history: new SqliteJobHistory(ctx),
    events: new SqliteEventLog(ctx),
    seenFiles: new SqliteSeenFileRepository(ctx),
    marks: new SqliteSourceMarksRepository(ctx),
    ledger: new SqliteLedgerRepository(ctx),
    reservations: new SqliteReservationRepository(ctx),
    presets: new SqliteTeamPresetRepository(ctx),
    bursts: new SqliteBurstHoldRepository(ctx),
    reviews: new SqliteReviewRepository(ctx),
    names: new SqliteOutputNameRepository(ctx),
  };
}

/** The synchronous repositories of one connection. */
export type SyncRepositories = ReturnType<typeof syncRepositories>;

/** Runs one synchronous repository call as a unit of work and settles with its result. */
export type UnitRunner = <R>(call: () => R) => Promise<R>;

/** The same methods, answering with Promises. */
type Async<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };

/**
 * The asynchronous repositories of the store's interface over the synchronous ones: every method call goes through
 * `run` (the store's lock, or an open transaction's check). The compiler checks each result against the interface,
 * so a SQLite method that drifts from the contract PostgreSQL will implement does not build.
 */
export function asyncRepositories(sync: SyncRepositories, run: UnitRunner): StoreRepositories {
  return {
    jobs: bind(sync.jobs, run),
    requests: bind(sync.requests, run),
    submits: bind(sync.submits, run),
    outputs: bind(sync.outputs, run),
    versions: bind(sync.versions, run),
    variants: bind(sync.variants, run),
    queue: bind(sync.queue, run),
    history: bind(sync.history, run),
    events: bind(sync.events, run),
    seenFiles: bind(sync.seenFiles, run),
    marks: bind(sync.marks, run),
    ledger: bind(sync.ledger, run),
    reservations: bind(sync.reservations, run),
    bursts: bind(sync.bursts, run),
    reviews: bind(sync.reviews, run),
    presets: bind(sync.presets, run),
    names: bind(sync.names, run),
  };
}

function bind<T extends object>(target: T, run: UnitRunner): Async<T> {
  const bound: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(target))) {
    const method: unknown = Reflect.get(target, name);
    if (name === 'constructor' || typeof method !== 'function') continue;
    bound[name] = (...args: unknown[]) => run(() => Reflect.apply(method, target, args));
  }
  return bound as Async<T>;
}
