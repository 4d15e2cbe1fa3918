import type { PgMigration } from './pgMigration';

/** SQLite's 003: one lookup tells whether a path is a job's source or output. */
export const pgPathLookupIndexes: PgMigration = {
  version: 3,
  name: 'path_lookup_indexes',
  up: `
    CREATE INDEX jobs_source_path ON jobs (source_path);
    CREATE INDEX job_outputs_path ON job_outputs (path);
  `,
};
