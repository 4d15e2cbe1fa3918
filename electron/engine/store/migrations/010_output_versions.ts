import type { Migration } from './migration';

/**
 * Every making of an output kept, so one size can be fixed and an earlier making restored (issue 14). One row per
 * version of one output file (job, size, image): `version` counts from 1 (the job's run), then each nudge or
 * restore; `kept_path` is the app's own copy of those bytes in the data folder; `layout` the local layout it was made
 * by. `job_outputs.version` is the version the output file holds now (NULL: the run's, never fixed).
 */
export const outputVersions: Migration = {
  version: 10,
  name: 'output_versions',
  up: `
    CREATE TABLE output_versions (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id      TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      target      TEXT NOT NULL,
      image_index INTEGER NOT NULL CHECK (image_index >= 0),
      version     INTEGER NOT NULL CHECK (version >= 1),
      cause       TEXT NOT NULL CHECK (cause IN ('run', 'nudge', 'restore')),
      layout      TEXT CHECK (layout IS NULL OR json_valid(layout)),
      kept_path   TEXT NOT NULL,
      width       INTEGER NOT NULL,
      height      INTEGER NOT NULL,
      bytes       INTEGER NOT NULL,
      format      TEXT,
      preflight   TEXT CHECK (preflight IS NULL OR json_valid(preflight)),
      created_at  INTEGER NOT NULL,
      UNIQUE (job_id, target, image_index, version)
    );
    ALTER TABLE job_outputs ADD COLUMN version INTEGER;
  `,
};
