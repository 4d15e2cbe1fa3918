import type { Migration } from './migration';

/**
 * fal's variants of one size (num_images_per_size > 1), all kept since all were paid for (issue 14). One row per
 * variant: `variant` counts from 0 (A); `kept_path` is the app's own copy in the data folder (so the pick can change
 * whatever happens beside the outputs); `spare_path` the copy in the `variants/` folder beside the output while it
 * is not the chosen one (NULL when the profile keeps none there, or while it is chosen); `chosen` marks the one the
 * output file holds.
 */
export const outputVariants: Migration = {
  version: 16,
  name: 'output_variants',
  up: `
    CREATE TABLE output_variants (
      job_id      TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      target      TEXT NOT NULL,
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
      PRIMARY KEY (job_id, target, variant)
    );
    CREATE UNIQUE INDEX output_variants_one_chosen ON output_variants (job_id, target) WHERE chosen = 1;
  `,
};
