import type { PgMigration } from './pgMigration';

/** SQLite's 018: a batch's approval or refusal recorded ahead on a job still making its previews (JSON sizes, or NULL for all). */
export const pgDecidedAhead: PgMigration = {
  version: 18,
  name: 'decided_ahead',
  up: `
    ALTER TABLE job_options ADD COLUMN ahead_decision TEXT CHECK (ahead_decision IS NULL OR ahead_decision IN ('approved', 'declined'));
    ALTER TABLE job_options ADD COLUMN ahead_sizes TEXT CHECK (ahead_sizes IS NULL OR ahead_sizes::jsonb IS NOT NULL);
  `,
};
