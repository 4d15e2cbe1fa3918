import type { Migration } from './migration';

const VARIANT_COLUMNS = 'job_id, target, variant, kept_path, spare_path, width, height, bytes, format, tier, preflight, chosen, created_at';
const VERSION_COLUMNS = 'id, job_id, target, image_index, version, cause, provider, tier, layout, kept_path, width, height, bytes, format, preflight, created_at';

/**
 * fal's variants come in sets (issue 14): the run's request makes one set of a size, and each re-run of that size at
 * fal another, all paid and all kept. `output_variants.variant_set` is the fal request's batch index that made the
 * set (unique per size of a job; 0 for the rows kept before this step). Each output version says which set and
 * variant its bytes are (`variant_set`, `variant`; NULL for a local making), so restoring it brings its set's spares
 * back to `variants/`. And a version may be a review-first job's local `preview`, kept when the approved fal output
 * replaces it. SQLite cannot alter a primary key or a CHECK, hence both tables rebuilt (as in 012 and 013).
 */
export const variantSets: Migration = {
  version: 17,
  name: 'variant_sets',
  foreignKeysOff: true,
  up: `
    CREATE TABLE output_variants_rebuilt (
      job_id      TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      target      TEXT NOT NULL,
      variant_set INTEGER NOT NULL DEFAULT 0 CHECK (variant_set >= 0),
      variant     INTEGER NOT NULL CHECK (variant >= 0),
      kept_path   TEXT NOT NULL,
      spare_path  TEXT,
      width       INTEGER NOT NULL,
      height      INTEGER NOT NULL,
      bytes       INTEGER NOT NULL,
      format      TEXT,
      tier        TEXT,
      preflight   TEXT CHECK (preflight IS NULL OR json_valid(preflight)),
      chosen      INTEGER NOT NULL DEFAULT 0 CHECK (chosen IN (0, 1)),
      created_at  INTEGER NOT NULL,
      PRIMARY KEY (job_id, target, variant_set, variant)
    );
    INSERT INTO output_variants_rebuilt (${VARIANT_COLUMNS}) SELECT ${VARIANT_COLUMNS} FROM output_variants;
    DROP TABLE output_variants;
    ALTER TABLE output_variants_rebuilt RENAME TO output_variants;
    CREATE UNIQUE INDEX output_variants_one_chosen ON output_variants (job_id, target) WHERE chosen = 1;

    CREATE TABLE output_versions_rebuilt (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id      TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      target      TEXT NOT NULL,
      image_index INTEGER NOT NULL CHECK (image_index >= 0),
      version     INTEGER NOT NULL CHECK (version >= 1),
      cause       TEXT NOT NULL CHECK (cause IN ('run', 'nudge', 'restore', 'method', 'pick', 'fal_rerun', 'marks', 'preview')),
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
      variant_set INTEGER CHECK (variant_set IS NULL OR variant_set >= 0),
      variant     INTEGER CHECK ((variant IS NULL) = (variant_set IS NULL) AND (variant IS NULL OR variant >= 0)),
      UNIQUE (job_id, target, image_index, version)
    );
    INSERT INTO output_versions_rebuilt (${VERSION_COLUMNS}) SELECT ${VERSION_COLUMNS} FROM output_versions;
    DROP TABLE output_versions;
    ALTER TABLE output_versions_rebuilt RENAME TO output_versions;
  `,
};
