import type { PgMigration } from './pgMigration';

/** SQLite's 001 (jobs, their fal requests and outputs, seen files, the event log) in PostgreSQL's dialect. */
export const pgInitialSchema: PgMigration = {
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
      source_size     BIGINT NOT NULL,
      folder_id       TEXT,
      origin          TEXT NOT NULL CHECK (origin IN ('folder', 'drop', 'cli', 'reconcile')),
      provider        TEXT NOT NULL CHECK (provider IN ('fal', 'local', 'mixed')),
      state           TEXT NOT NULL,
      state_reason    TEXT,
      attempts        INTEGER NOT NULL DEFAULT 0,
      next_attempt_at BIGINT,
      claimed_at      BIGINT,
      progress        DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
      created_at      BIGINT NOT NULL,
      updated_at      BIGINT NOT NULL,
      started_at      BIGINT,
      finished_at     BIGINT,
      error_code      TEXT,
      error_message   TEXT,
      UNIQUE (content_hash, profile_id, profile_version)
    );

    CREATE TABLE job_requests (
      id           BIGSERIAL PRIMARY KEY,
      job_id       TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      batch_index  INTEGER NOT NULL,
      request_id   TEXT NOT NULL UNIQUE,
      sizes        TEXT NOT NULL,
      state        TEXT NOT NULL CHECK (state IN ('submitted', 'completed', 'failed', 'cancelled')),
      submitted_at BIGINT NOT NULL,
      completed_at BIGINT
    );
    CREATE UNIQUE INDEX job_requests_live_batch ON job_requests (job_id, batch_index) WHERE state IN ('submitted', 'completed');
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
      bytes       BIGINT NOT NULL,
      written_at  BIGINT NOT NULL,
      PRIMARY KEY (job_id, target, image_index)
    );

    CREATE TABLE seen_files (
      path          TEXT PRIMARY KEY,
      size          BIGINT NOT NULL,
      mtime_ms      DOUBLE PRECISION NOT NULL,
      content_hash  TEXT NOT NULL,
      folder_id     TEXT,
      first_seen_at BIGINT NOT NULL,
      last_seen_at  BIGINT NOT NULL
    );
    CREATE INDEX seen_files_hash ON seen_files (content_hash);

    CREATE TABLE events (
      id     BIGSERIAL PRIMARY KEY,
      job_id TEXT REFERENCES jobs (id) ON DELETE SET NULL,
      at     BIGINT NOT NULL,
      kind   TEXT NOT NULL,
      data   TEXT NOT NULL DEFAULT '{}' CHECK (data::jsonb IS NOT NULL)
    );
    CREATE INDEX events_job ON events (job_id, id);
  `,
};
