import type { PgMigration } from './pgMigration';

/**
 * SQLite's 008: copies of content already made are recorded as `skipped` jobs naming the job they duplicate, so the
 * dedupe key holds for first jobs only (a partial unique index instead of the table's UNIQUE), and `upload` joins
 * the origins. PostgreSQL changes the table in place where SQLite had to rebuild it.
 */
export const pgSkippedDuplicates: PgMigration = {
  version: 8,
  name: 'skipped_duplicates',
  up: `
    ALTER TABLE jobs ADD COLUMN duplicate_of TEXT REFERENCES jobs (id);
    ALTER TABLE jobs DROP CONSTRAINT jobs_content_hash_profile_id_profile_version_key;
    ALTER TABLE jobs DROP CONSTRAINT jobs_origin_check;
    ALTER TABLE jobs ADD CONSTRAINT jobs_origin_check CHECK (origin IN ('folder', 'drop', 'upload', 'cli', 'reconcile'));
    CREATE UNIQUE INDEX jobs_dedupe ON jobs (content_hash, profile_id, profile_version) WHERE duplicate_of IS NULL;
    CREATE INDEX jobs_duplicate_of ON jobs (duplicate_of, source_path) WHERE duplicate_of IS NOT NULL;
  `,
};
