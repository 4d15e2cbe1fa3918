// The job store's public surface: hosts, the scheduler, providers, intake and the UI's server side import from here.
export { openJobStore, type JobStore, type JobStoreOptions } from './jobStore';
export { openDatabase, JOB_DB_FILE, type OpenDatabaseOptions, type OpenedDatabase } from './database';
export { runMigrations, type MigrationReport } from './migrate';
export type { Migration } from './migrations/migration';
export { withTransaction, type SqlDatabase, type SqlParams, type SqlValue } from './sqlite';
export type { InsertJobResult, CancelJobResult, JobRepository } from './jobRepository';
export type { TransitionPatch } from './jobTransition';
export type { FalSubmitRecord, RecordRequestResult, RequestOutcome, RequestRepository } from './requestRepository';
export type { OutputRepository } from './outputRepository';
export type { OutputVersionRecord, OutputVersionRepository, VersionCause } from './outputVersionRepository';
export type { RunnableJob, RunnableOptions, RecoveryAction, JobQueue } from './jobQueue';
export {
  MAX_JOB_PAGE,
  type JobQuery,
  type JobPage,
  type JobDetail,
  type JobCountFilter,
  type JobHistory,
} from './jobHistory';
export { STORE_EVENT_KINDS, type EventLog } from './eventLog';
export type { SeenFileInput, SeenFileRepository } from './seenFileRepository';
export type { SourceMarksRepository, StoredMarks } from './sourceMarksRepository';
export type * from './types';
