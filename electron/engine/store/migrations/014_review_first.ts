import type { Migration } from './migration';

/**
 * Review first (issue 14). `job_options`: what a job was given at intake besides its profile (made locally first
 * for review; its own output folder, for a dropped batch), written in the job's own commit so no worker sees the job
 * without them. `size_approvals`: per paid size of a review-first job, its quote (fal's image price at the tiers it
 * may pick, in cents) and the person's decision; a size goes to fal only once `approved`. The job state itself needs
 * no change here: `jobs.state` has no CHECK.
 */
export const reviewFirst: Migration = {
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
      min_cents  INTEGER NOT NULL CHECK (min_cents >= 0),
      max_cents  INTEGER NOT NULL CHECK (max_cents >= min_cents),
      reason     TEXT,
      position   INTEGER NOT NULL DEFAULT 0,
      quoted_at  INTEGER NOT NULL,
      decided_at INTEGER,
      PRIMARY KEY (job_id, size)
    );
  `,
};
