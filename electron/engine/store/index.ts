// The job store's public surface: hosts, the scheduler, providers, intake, spend and the UI's server side import
// from here. The interface (jobStore.ts and the repository interfaces in jobRepositories.ts and
// spendRepositories.ts, imported from those files) is what both stores implement: openJobStore is SQLite's,
// openStore picks SQLite or the team's PostgreSQL (store/postgres) from a setting.
export type { JobStore, StoreRepositories, StoreTransaction } from './jobStore';
export { openJobStore } from './sqlite/sqliteJobStore';
export { isPostgresUrl, openStore } from './openStore';
export { MAX_JOB_PAGE, type InsertJobResult, type RunnableJob, type SeenFileInput, type SourceMarksRepository, type TeamPreset } from './jobRepositories';
export { STORE_EVENT_KINDS } from './storeEvents';
export type * from './spendTypes';
export type * from './reviewRepositories';
export type * from './types';
