import type { Migration } from './migration';

const VERSION_COLUMNS = 'id, job_id, target, image_index, version, cause, layout, kept_path, width, height, bytes, format, preflight, created_at';

/**
 * Two more reasons an output version exists (issue 14): `method` (its size re-made locally with another method or
 * fill style) and `pick` (another of fal's variants chosen for the file). SQLite cannot change a CHECK in place, so
 * the table is rebuilt (nothing references output_versions, but foreign keys stay off while the old one is dropped).
 */
export const versionCauses: Migration = {
  version: 12,
  name: 'version_causes',
  foreignKeysOff: true,
  up: `
    CREATE TABLE output_versions_rebuilt (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id      TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      target      TEXT NOT NULL,
      image_index INTEGER NOT NULL CHECK (image_index >= 0),
      version     INTEGER NOT NULL CHECK (version >= 1),
      cause       TEXT NOT NULL CHECK (cause IN ('run', 'nudge', 'restore', 'method', 'pick')),
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
    INSERT INTO output_versions_rebuilt (${VERSION_COLUMNS}) SELECT ${VERSION_COLUMNS} FROM output_versions;
    DROP TABLE output_versions;
    ALTER TABLE output_versions_rebuilt RENAME TO output_versions;
  `,
};
