import type { PgMigration } from './pgMigration';

/** SQLite's 002: History's keyset paging and the scheduler's pick, each ending in (created_at, id). */
export const pgJobQueryIndexes: PgMigration = {
  version: 2,
  name: 'job_query_indexes',
  up: `
    CREATE INDEX jobs_created ON jobs (created_at, id);
    CREATE INDEX jobs_state_created ON jobs (state, created_at, id);
    CREATE INDEX jobs_folder_created ON jobs (folder_id, created_at, id);
    CREATE INDEX jobs_profile_created ON jobs (profile_id, created_at, id);
  `,
};
