import type { PgMigration } from './pgMigration';

/** SQLite's 006: each output's encoding and its preflight verdict (JSON text) with its worst check. */
export const pgOutputPreflight: PgMigration = {
  version: 6,
  name: 'output_preflight',
  up: `
    ALTER TABLE job_outputs ADD COLUMN format TEXT;
    ALTER TABLE job_outputs ADD COLUMN preflight TEXT CHECK (preflight IS NULL OR preflight::jsonb IS NOT NULL);
    ALTER TABLE job_outputs ADD COLUMN preflight_status TEXT CHECK (preflight_status IS NULL OR preflight_status IN ('pass', 'warn', 'fail'));
    CREATE INDEX job_outputs_preflight_status ON job_outputs (preflight_status);
  `,
};
