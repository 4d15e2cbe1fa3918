import type {
  EventLog,
  JobHistory,
  JobQueue,
  JobRepository,
  OutputRepository,
  OutputVariantRepository,
  OutputVersionRepository,
  RequestRepository,
  SeenFileRepository,
  SourceMarksRepository,
  SubmitRepository,
  TeamPresetRepository,
} from './jobRepositories';
import type { MigrationReport } from './types';
import type { StoreEventListener } from './storeEvents';
import type { BurstHoldRepository, LedgerRepository, ReservationRepository } from './spendRepositories';
import type { ReviewRepository } from './reviewRepositories';
import type { OutputNameRegistry } from './outputNames';

/** The repositories, one per table or verb, as both the store and an open transaction offer them. */
export interface StoreRepositories {
  /** Intake and workers: create jobs, move them through states, retry, cancel. */
  readonly jobs: JobRepository;
  /** The provider: fal request ids, persisted before anything else happens. */
  readonly requests: RequestRepository;
  /** fal submits recorded before they go out (a lost answer is looked up, never paid twice). */
  readonly submits: SubmitRepository;
  /** The output writer's record of files written. */
  readonly outputs: OutputRepository;
  /** Every kept making of each output (nudges, restores), and which one each file holds. */
  readonly versions: OutputVersionRepository;
  /** fal's variants of each size (all kept), and which one each file holds. */
  readonly variants: OutputVariantRepository;
  /** The scheduler: runnable jobs, claims, holds, recovery at start, work held for budget. */
  readonly queue: JobQueue;
  /** The UI: paged lists, counts, job detail. */
  readonly history: JobHistory;
  /** The durable event log (History's job log). */
  readonly events: EventLog;
  /** The watcher's and reconcile scan's memory of files. */
  readonly seenFiles: SeenFileRepository;
  /** The user's focal point and keep boxes per source content. */
  readonly marks: SourceMarksRepository;
  /** The spend ledger. */
  readonly ledger: LedgerRepository;
  /** Money reserved for requests in flight. */
  readonly reservations: ReservationRepository;
  /** Jobs a hot-folder burst holds, and each folder's burst count. */
  readonly bursts: BurstHoldRepository;
  /** Review first: each job's intake options, each paid size's quote and the person's decision. */
  readonly reviews: ReviewRepository;
  /** A team's shared profiles and folder settings (PostgreSQL; SQLite keeps the table empty). */
  readonly presets: TeamPresetRepository;
  /** Output names by their folded form: no two outputs differ only by case. */
  readonly names: OutputNameRegistry;
}

/**
 * An open transaction: the same repositories, all bound to one atomic unit. Use only `tx` inside
 * `store.transaction(async (tx) => ...)`: a call on the store itself would wait for this transaction to end.
 * Keep transactions to store calls (no file or network waits): others queue behind them.
 */
export interface StoreTransaction extends StoreRepositories {
  /** A nested unit (a savepoint): its failure undoes only its own writes, and its events are dropped with them. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
}

/**
 * The job store: jobs, history, spend and the event log behind one asynchronous interface, implemented by SQLite
 * (`openJobStore`, one person) and later by PostgreSQL (issue 15, a team). Each repository method on the store is
 * its own transaction; `transaction()` groups several into one that commits or rolls back as a whole. Events the
 * repositories append are pushed to subscribers once their commit is durable: there is nothing to poll or flush.
 */
export interface JobStore extends StoreRepositories {
  /**
   * Runs `work` in one transaction and resolves its result once committed; a rejection rolls everything back.
   * Transactions never interleave: the store runs one at a time on its connection (SQLite) or a client (PostgreSQL).
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** Starts pushing committed events to `listener`; returns the function that stops it. */
  subscribe(listener: StoreEventListener): () => void;
  /** Where the data lives (the SQLite file's path). */
  readonly path: string;
  /** What opening did to the schema. */
  readonly migrations: MigrationReport;
  /** Waits for work in progress, then closes; committed work is already on disk. */
  close(): Promise<void>;
}
