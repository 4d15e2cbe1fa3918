import type { PgMigration } from './pgMigration';

/** SQLite's 014: a job's intake options (review first, own output folder) and each paid size's quote and decision. */
export const pgReviewFirst: PgMigration = {
  version: 14,
  name: 'review_first',
  up: `
    CREATE TABLE job_options (
      job_id       TEXT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
      review_first INTEGER NOT NULL DEFAULT 0 CHECK (review_first IN (0, 1)),
      output_root  TEXT
    );

    CREATE TABLE size_approvals (
      job_id     TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      size       TEXT NOT NULL,
      decision   TEXT NOT NULL CHECK (decision IN ('pending', 'approved', 'declined')),
      min_cents  BIGINT NOT NULL CHECK (min_cents >= 0),
      max_cents  BIGINT NOT NULL CHECK (max_cents >= min_cents),
      reason     TEXT,
      position   INTEGER NOT NULL DEFAULT 0,
      quoted_at  BIGINT NOT NULL,
      decided_at BIGINT,
      PRIMARY KEY (job_id, size)
    );
  `,
};
