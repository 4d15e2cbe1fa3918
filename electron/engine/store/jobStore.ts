import { openDatabase, type OpenDatabaseOptions } from './database';
import { EventLog } from './eventLog';
import { JobHistory } from './jobHistory';
import { JobQueue } from './jobQueue';
import { JobRepository } from './jobRepository';
import type { MigrationReport } from './migrate';
import { OutputRepository } from './outputRepository';
import { OutputVersionRepository } from './outputVersionRepository';
import { RequestRepository } from './requestRepository';
import { SeenFileRepository } from './seenFileRepository';
import { SourceMarksRepository } from './sourceMarksRepository';
import type { SqlDatabase } from './sqlite';

/** Options of {@link openJobStore}. */
export interface JobStoreOptions extends OpenDatabaseOptions {
  /** Clock in epoch milliseconds; tests pass a fake one. */
  readonly now?: () => number;
}

/** The job database and its repositories, grouped by who uses them. */
export interface JobStore {
  /** Intake and workers: create jobs, move them through states, retry, cancel. */
  readonly jobs: JobRepository;
  /** The provider: fal request ids, persisted before anything else happens. */
  readonly requests: RequestRepository;
  /** The output writer's record of files written. */
  readonly outputs: OutputRepository;
  /** Every kept making of each output (nudges, restores), and which one each file holds. */
  readonly versions: OutputVersionRepository;
  /** The scheduler: runnable jobs, claims, holds, recovery at start. */
  readonly queue: JobQueue;
  /** The UI: paged lists, counts, job detail. */
  readonly history: JobHistory;
  /** The append-only event log the UI tails. */
  readonly events: EventLog;
  /** The watcher's and reconcile scan's memory of files. */
  readonly seenFiles: SeenFileRepository;
  /** The user's focal point and keep boxes per source content (async, as the whole store will be). */
  readonly marks: SourceMarksRepository;
  /** The raw connection, for the spend ledger's future migrations and repositories. */
  readonly db: SqlDatabase;
  /** Path of jobs.sqlite. */
  readonly path: string;
  /** What opening did to the schema. */
  readonly migrations: MigrationReport;
  /** Closes the connection; committed work is already on disk. */
  close(): void;
}

/**
 * Opens `<dataDir>/jobs.sqlite` (created and migrated as needed) and returns the repositories. One engine per data
 * folder: call `queue.recoverInterruptedJobs()` once after opening, before the scheduler claims work.
 */
export function openJobStore(dataDir: string, options: JobStoreOptions = {}): JobStore {
  const { db, path, migrations } = openDatabase(dataDir, options);
  const ctx = { db, now: options.now ?? Date.now };
  return {
    jobs: new JobRepository(ctx),
    requests: new RequestRepository(ctx),
    outputs: new OutputRepository(ctx),
    versions: new OutputVersionRepository(ctx),
    queue: new JobQueue(ctx),
    history: new JobHistory(ctx),
    events: new EventLog(ctx),
    seenFiles: new SeenFileRepository(ctx),
    marks: new SourceMarksRepository(ctx),
    db,
    path,
    migrations,
    close: () => db.close(),
  };
}
