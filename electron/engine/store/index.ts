// The job store's public surface: hosts, the scheduler, providers, intake, spend and the UI's server side import
// from here. The interface (jobStore.ts and the repository interfaces in jobRepositories.ts and
// spendRepositories.ts, imported from those files) is what a PostgreSQL store will implement; openJobStore is the
// SQLite one.
export type { JobStore, StoreRepositories, StoreTransaction } from './jobStore';
export { openJobStore } from './sqlite/sqliteJobStore';
export { MAX_JOB_PAGE, type InsertJobResult, type RunnableJob, type SeenFileInput, type SourceMarksRepository } from './jobRepositories';
export { STORE_EVENT_KINDS } from './storeEvents';
export type * from './spendTypes';
export type * from './types';
