import type { Migration } from './migration';

/**
 * Jobs, their fal requests and outputs, the watcher's seen files and the append-only event log.
 * Times are integer milliseconds since the epoch (UTC). Watched folders live in settings: jobs keep a folder id only.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial_schema',
  up: `
    CREATE TABLE jobs (
      id              TEXT PRIMARY KEY,
      content_hash    TEXT NOT NULL,
      profile_id      TEXT NOT NULL,
      profile_version INTEGER NOT NULL,
      source_path     TEXT NOT NULL,
      source_name     TEXT NOT NULL,
      source_size     INTEGER NOT NULL,
      folder_id       TEXT,
      origin          TEXT NOT NULL CHECK (origin IN ('folder', 'drop', 'cli', 'reconcile')),
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
      -- The dedupe rule: one job per source content and profile version.
      UNIQUE (content_hash, profile_id, profile_version)
    );

    -- One row per fal request, written the moment submit returns. Rows are never deleted, so the spend ledger
    -- can point at every request that may have been billed, including failed and cancelled ones.
    CREATE TABLE job_requests (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id       TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      batch_index  INTEGER NOT NULL,
      request_id   TEXT NOT NULL UNIQUE,
      sizes        TEXT NOT NULL,
      state        TEXT NOT NULL CHECK (state IN ('submitted', 'completed', 'failed', 'cancelled')),
      submitted_at INTEGER NOT NULL,
      completed_at INTEGER
    );
    -- At most one live request per batch: a second one would mean paying twice for the same sizes.
    CREATE UNIQUE INDEX job_requests_live_batch ON job_requests (job_id, batch_index)
      WHERE state IN ('submitted', 'completed');
    CREATE INDEX job_requests_job ON job_requests (job_id);

    CREATE TABLE job_outputs (
      job_id      TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      target      TEXT NOT NULL,
      image_index INTEGER NOT NULL,
      path        TEXT NOT NULL,
      width       INTEGER NOT NULL,
      height      INTEGER NOT NULL,
      provider    TEXT NOT NULL CHECK (provider IN ('fal', 'local')),
      tier        TEXT,
      bytes       INTEGER NOT NULL,
      written_at  INTEGER NOT NULL,
      PRIMARY KEY (job_id, target, image_index)
    );

    CREATE TABLE seen_files (
      path          TEXT PRIMARY KEY,
      size          INTEGER NOT NULL,
      mtime_ms      INTEGER NOT NULL,
      content_hash  TEXT NOT NULL,
      folder_id     TEXT,
      first_seen_at INTEGER NOT NULL,
      last_seen_at  INTEGER NOT NULL
    );
    CREATE INDEX seen_files_hash ON seen_files (content_hash);

    CREATE TABLE events (
      id     INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id TEXT REFERENCES jobs (id) ON DELETE SET NULL,
      at     INTEGER NOT NULL,
      kind   TEXT NOT NULL,
      data   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
    );
    CREATE INDEX events_job ON events (job_id, id);
  `,
};
