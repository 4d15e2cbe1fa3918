// The job store's public surface: hosts, the scheduler, providers, intake, spend and the UI's server side import
// from here. The interface (jobStore.ts and the repository interfaces) is what a PostgreSQL store will implement;
// openJobStore is the SQLite one.
export type { JobStore, StoreRepositories, StoreTransaction } from './jobStore';
export { openJobStore, type JobStoreOptions } from './sqlite/sqliteJobStore';
export { JOB_DB_FILE, type OpenDatabaseOptions } from './sqlite/database';
export type { Migration } from './migrations/migration';
export {
  MAX_JOB_PAGE,
  type InsertJobResult,
  type CancelJobResult,
  type JobRepository,
  type TransitionPatch,
  type RecordRequestResult,
  type RequestOutcome,
  type RequestRepository,
  type OutputRepository,
  type OutputVersionRepository,
  type RunnableJob,
  type RunnableOptions,
  type RecoveryAction,
  type JobQueue,
  type JobQuery,
  type JobPage,
  type JobDetail,
  type JobCountFilter,
  type PreflightCountFilter,
  type JobHistory,
  type EventLog,
  type SeenFileInput,
  type SeenFileRepository,
  type SubmitRepository,
  type SourceMarksRepository,
  type StoredMarks,
} from './jobRepositories';
export type { BurstHoldRepository, LedgerRepository, ReservationRepository } from './spendRepositories';
export { STORE_EVENT_KINDS, type StoreEventListener } from './storeEvents';
export type * from './spendTypes';
export type * from './types';
