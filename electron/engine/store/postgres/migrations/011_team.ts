import type { PgMigration } from './pgMigration';

/**
 * Team mode (issue 15), the same step as SQLite's 011: who holds a running job and until when (`claimed_by`,
 * `lease_until` on the database's clock), who made it and who found it first (`made_by`, `created_by`), which other
 * instances saw the same content (`job_sightings`: "seen by"), who submitted, charged and reserved, and the
 * instances connected to the store with their last heartbeat.
 */
export const pgTeam: PgMigration = {
  version: 11,
  name: 'team',
  up: `
    ALTER TABLE jobs ADD COLUMN claimed_by TEXT;
    ALTER TABLE jobs ADD COLUMN lease_until BIGINT;
    ALTER TABLE jobs ADD COLUMN made_by TEXT;
    ALTER TABLE jobs ADD COLUMN created_by TEXT;
    CREATE INDEX jobs_claimed_by ON jobs (claimed_by) WHERE claimed_by IS NOT NULL;
    ALTER TABLE job_requests ADD COLUMN submitted_by TEXT;
    ALTER TABLE spend_ledger ADD COLUMN recorded_by TEXT;
    ALTER TABLE spend_reservations ADD COLUMN reserved_by TEXT;

    CREATE TABLE job_sightings (
      job_id      TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
      instance    TEXT NOT NULL,
      source_path TEXT NOT NULL,
      seen_at     BIGINT NOT NULL,
      PRIMARY KEY (job_id, instance, source_path)
    );

    CREATE TABLE instances (
      name         TEXT PRIMARY KEY,
      host         TEXT NOT NULL,
      pid          INTEGER NOT NULL,
      started_at   BIGINT NOT NULL,
      last_seen_at BIGINT NOT NULL
    );
  `,
};
