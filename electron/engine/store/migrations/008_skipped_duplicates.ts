import type { Migration } from './migration';

const JOB_COLUMNS = `id, content_hash, profile_id, profile_version, source_path, source_name, source_size, folder_id, origin,
  provider, state, state_reason, attempts, next_attempt_at, claimed_at, progress, created_at, updated_at, started_at,
  finished_at, error_code, error_message`;

/**
 * Copies of content already made are recorded (issue 10: work never vanishes in silence). A `skipped` row names
 * the job it duplicates in `duplicate_of`; "Make anyway" turns it into a paid job that keeps that link. The dedupe
 * rule (one job per content hash and profile version) now holds for the first job only, so the table-level UNIQUE
 * becomes a partial unique index: SQLite cannot drop a constraint, hence the rebuild (its documented 12-step way,
 * with foreign keys off so dropping the old table does not cascade to requests and outputs). `upload` joins the
 * origins (files sent to the headless host).
 */
export const skippedDuplicates: Migration = {
  version: 8,
  name: 'skipped_duplicates',
  foreignKeysOff: true,
  up: `
    CREATE TABLE jobs_rebuilt (
      id              TEXT PRIMARY KEY,
      content_hash    TEXT NOT NULL,
      profile_id      TEXT NOT NULL,
      profile_version INTEGER NOT NULL,
      source_path     TEXT NOT NULL,
      source_name     TEXT NOT NULL,
      source_size     INTEGER NOT NULL,
      folder_id       TEXT,
      origin          TEXT NOT NULL CHECK (origin IN ('folder', 'drop', 'upload', 'cli', 'reconcile')),
      provider        TEXT NOT NULL CHECK (provider IN ('fal', 'local', 'mixed')),
      state           TEXT NOT NULL,
      state_reason    TEXT,
      attempts        INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER,
      claimed_at      INTEGER,
      progress        REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
      created_at      INTEGER NOT NULL,
      updated_at      INTEGER NOT NULL,
      started_at      INTEGER,
      finished_at     INTEGER,
      error_code      TEXT,
      error_message   TEXT,
      duplicate_of    TEXT REFERENCES jobs (id)
    );
    INSERT INTO jobs_rebuilt (${JOB_COLUMNS}) SELECT ${JOB_COLUMNS} FROM jobs;
    DROP TABLE jobs;
    ALTER TABLE jobs_rebuilt RENAME TO jobs;

    -- The dedupe rule: one job per source content and profile version, copies aside.
    CREATE UNIQUE INDEX jobs_dedupe ON jobs (content_hash, profile_id, profile_version) WHERE duplicate_of IS NULL;
    CREATE INDEX jobs_duplicate_of ON jobs (duplicate_of, source_path) WHERE duplicate_of IS NOT NULL;
    CREATE INDEX jobs_created ON jobs (created_at, id);
    CREATE INDEX jobs_state_created ON jobs (state, created_at, id);
    CREATE INDEX jobs_folder_created ON jobs (folder_id, created_at, id);
    CREATE INDEX jobs_profile_created ON jobs (profile_id, created_at, id);
    CREATE INDEX jobs_source_path ON jobs (source_path);
  `,
};
