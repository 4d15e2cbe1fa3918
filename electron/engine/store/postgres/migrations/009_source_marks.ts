import type { PgMigration } from './pgMigration';

/** SQLite's 009: the user's focal point and keep boxes per source content hash (JSON text), shared by the team. */
export const pgSourceMarks: PgMigration = {
  version: 9,
  name: 'source_marks',
  up: `
    CREATE TABLE source_marks (
      content_hash TEXT PRIMARY KEY,
      marks        TEXT NOT NULL CHECK (marks::jsonb IS NOT NULL),
      updated_at   BIGINT NOT NULL
    );
  `,
};
