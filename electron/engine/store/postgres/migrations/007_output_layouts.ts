import type { PgMigration } from './pgMigration';

/** SQLite's 007: each locally made output's layout (JSON text: method, fill, its window over the source). */
export const pgOutputLayouts: PgMigration = {
  version: 7,
  name: 'output_layouts',
  up: `
    ALTER TABLE job_outputs ADD COLUMN layout TEXT CHECK (layout IS NULL OR layout::jsonb IS NOT NULL);
  `,
};
