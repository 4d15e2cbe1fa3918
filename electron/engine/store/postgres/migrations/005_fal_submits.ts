import type { PgMigration } from './pgMigration';

/** SQLite's 005: a row per fal submit written before it goes out, with the upload URL it carries. */
export const pgFalSubmits: PgMigration = {
  version: 5,
  name: 'fal_submits',
  up: `
    CREATE TABLE fal_submits (
      id             BIGSERIAL PRIMARY KEY,
      job_id         TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      batch_index    INTEGER NOT NULL,
      image_url      TEXT NOT NULL,
      sizes          TEXT NOT NULL,
      may_bill_cents BIGINT NOT NULL CHECK (may_bill_cents >= 0),
      state          TEXT NOT NULL CHECK (state IN ('sending', 'answered', 'adopted', 'refused', 'absent', 'unverified')),
      request_id     TEXT,
      sent_at        BIGINT NOT NULL,
      resolved_at    BIGINT
    );
    CREATE UNIQUE INDEX fal_submits_open_batch ON fal_submits (job_id, batch_index) WHERE state = 'sending';
    CREATE INDEX fal_submits_state ON fal_submits (state, sent_at);
  `,
};
