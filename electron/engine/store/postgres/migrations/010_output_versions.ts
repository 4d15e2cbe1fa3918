import type { PgMigration } from './pgMigration';

/** SQLite's 010: every making of an output kept (the run's, each nudge and restore), and which one each file holds. */
export const pgOutputVersions: PgMigration = {
  version: 10,
  name: 'output_versions',
  up: `
    CREATE TABLE output_versions (
      id          BIGSERIAL PRIMARY KEY,
      job_id      TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      target      TEXT NOT NULL,
      image_index INTEGER NOT NULL CHECK (image_index >= 0),
      version     INTEGER NOT NULL CHECK (version >= 1),
      cause       TEXT NOT NULL CHECK (cause IN ('run', 'nudge', 'restore')),
      layout      TEXT CHECK (layout IS NULL OR layout::jsonb IS NOT NULL),
      kept_path   TEXT NOT NULL,
      width       INTEGER NOT NULL,
      height      INTEGER NOT NULL,
      bytes       BIGINT NOT NULL,
      format      TEXT,
      preflight   TEXT CHECK (preflight IS NULL OR preflight::jsonb IS NOT NULL),
      created_at  BIGINT NOT NULL,
      UNIQUE (job_id, target, image_index, version)
    );
    ALTER TABLE job_outputs ADD COLUMN version INTEGER;
  `,
};
