import type { PgMigration } from './pgMigration';

/** SQLite's 016: every fal variant of a size kept (the app's copy, the spare beside the output), and the chosen one. */
export const pgOutputVariants: PgMigration = {
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
      bytes       BIGINT NOT NULL,
      format      TEXT,
      tier        TEXT,
      preflight   TEXT CHECK (preflight IS NULL OR preflight::jsonb IS NOT NULL),
      chosen      INTEGER NOT NULL DEFAULT 0 CHECK (chosen IN (0, 1)),
      created_at  BIGINT NOT NULL,
      PRIMARY KEY (job_id, target, variant)
    );
    CREATE UNIQUE INDEX output_variants_one_chosen ON output_variants (job_id, target) WHERE chosen = 1;
  `,
};
