import type { PgMigration } from './pgMigration';

/** SQLite's 019: output names keyed by their folded form, so no two differ only by case (one owner each). */
export const pgOutputNames: PgMigration = {
  version: 19,
  name: 'output_names',
  up: `
    CREATE TABLE output_names (
      folded_path  TEXT PRIMARY KEY,
      path         TEXT NOT NULL,
      source_path  TEXT NOT NULL,
      desired_path TEXT NOT NULL,
      claimed_at   BIGINT NOT NULL,
      UNIQUE (source_path, desired_path)
    );
  `,
};
