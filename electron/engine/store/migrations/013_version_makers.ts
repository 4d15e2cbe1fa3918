import type { Migration } from './migration';

const KEPT_COLUMNS = 'id, job_id, target, image_index, version, cause, layout, kept_path, width, height, bytes, format, preflight, created_at';

/**
 * Each output version records who made it (`provider`, and fal's `tier`), so restoring a fal-made version after a
 * local re-run gives the file back to fal in the output's record (issue 14); and the causes widen beyond 012's
 * run / nudge / restore / method / pick: `fal_rerun` (one size made again at fal) and `marks` (a focal point or keep
 * boxes set). SQLite cannot alter a CHECK, hence the table rebuild, as in 012.
 *
 * Versions kept before this step did not say who made them: a nudge or method switch is always local; a run's,
 * restore's or pick's version
 * with a local layout was the local engine's, one without (fal recomposed the picture) was fal's, with the tier the
 * output still records when it is fal's.
 */
export const versionMakers: Migration = {
  version: 13,
  name: 'version_makers',
  foreignKeysOff: true,
  up: `
    CREATE TABLE output_versions_rebuilt (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id      TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      target      TEXT NOT NULL,
      image_index INTEGER NOT NULL CHECK (image_index >= 0),
      version     INTEGER NOT NULL CHECK (version >= 1),
      cause       TEXT NOT NULL CHECK (cause IN ('run', 'nudge', 'restore', 'method', 'pick', 'fal_rerun', 'marks')),
      provider    TEXT NOT NULL CHECK (provider IN ('fal', 'local')),
      tier        TEXT,
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
    INSERT INTO output_versions_rebuilt (${KEPT_COLUMNS}, provider)
      SELECT ${KEPT_COLUMNS}, CASE WHEN cause IN ('nudge', 'method') OR layout IS NOT NULL THEN 'local' ELSE 'fal' END FROM output_versions;
    UPDATE output_versions_rebuilt SET tier = (
      SELECT o.tier FROM job_outputs o
      WHERE o.job_id = output_versions_rebuilt.job_id AND o.target = output_versions_rebuilt.target
        AND o.image_index = output_versions_rebuilt.image_index AND o.provider = 'fal'
    ) WHERE provider = 'fal';
    DROP TABLE output_versions;
    ALTER TABLE output_versions_rebuilt RENAME TO output_versions;
  `,
};
