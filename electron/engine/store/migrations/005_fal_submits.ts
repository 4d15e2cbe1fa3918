import type { Migration } from './migration';

/**
 * A row per fal submit, written BEFORE the submit goes out, with the upload URL it carries: if the process dies
 * or the answer is lost after fal took the request, the job finds that request again in fal's request history by
 * the URL (unique to the attempt) instead of paying for a second one.
 * States: `sending` (out, no answer stored: fal may hold and bill it), `answered` / `adopted` (its request id came
 * from fal's answer / from the history, and is in job_requests), `refused` (fal refused it, or no connection was
 * made: no request), `absent` (not in the history after a reasonable wait: taken as never created), `unverified`
 * (the history could not be read; submitted again while this one may exist). `sending` and `unverified` rows are
 * shown as may-be-billed at `may_bill_cents`, the least fal's formula gives for what was asked.
 */
export const falSubmits: Migration = {
  version: 5,
  name: 'fal_submits',
  up: `
    CREATE TABLE fal_submits (
      id             INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id         TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      batch_index    INTEGER NOT NULL,
      image_url      TEXT NOT NULL,
      sizes          TEXT NOT NULL,
      may_bill_cents INTEGER NOT NULL CHECK (may_bill_cents >= 0),
      state          TEXT NOT NULL CHECK (state IN ('sending', 'answered', 'adopted', 'refused', 'absent', 'unverified')),
      request_id     TEXT,
      sent_at        INTEGER NOT NULL,
      resolved_at    INTEGER
    );
    -- One unresolved submit per batch: a second would be sent without knowing whether the first exists.
    CREATE UNIQUE INDEX fal_submits_open_batch ON fal_submits (job_id, batch_index) WHERE state = 'sending';
    CREATE INDEX fal_submits_state ON fal_submits (state, sent_at);
  `,
};
