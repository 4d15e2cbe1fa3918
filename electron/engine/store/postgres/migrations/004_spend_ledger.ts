import type { PgMigration } from './pgMigration';

/** SQLite's 004: the spend ledger, money in flight, burst holds and resets (integer US cents). */
export const pgSpendLedger: PgMigration = {
  version: 4,
  name: 'spend_ledger',
  up: `
    CREATE TABLE spend_ledger (
      id              BIGSERIAL PRIMARY KEY,
      at              BIGINT NOT NULL,
      kind            TEXT NOT NULL CHECK (kind IN ('charge', 'may_be_billed', 'saving')),
      cents           BIGINT NOT NULL CHECK (cents >= 0),
      job_id          TEXT NOT NULL,
      request_row_id  BIGINT,
      request_id      TEXT,
      source_name     TEXT NOT NULL,
      profile_id      TEXT NOT NULL,
      profile_version INTEGER NOT NULL,
      profile_name    TEXT NOT NULL,
      folder_id       TEXT,
      folder_path     TEXT,
      images          INTEGER NOT NULL CHECK (images >= 0),
      tiers           TEXT NOT NULL
    );
    CREATE UNIQUE INDEX spend_ledger_request_kind ON spend_ledger (request_id, kind) WHERE request_id IS NOT NULL;
    CREATE UNIQUE INDEX spend_ledger_job_saving ON spend_ledger (job_id) WHERE kind = 'saving';
    CREATE INDEX spend_ledger_kind_at ON spend_ledger (kind, at);
    CREATE INDEX spend_ledger_folder_at ON spend_ledger (folder_id, kind, at);
    CREATE INDEX spend_ledger_job ON spend_ledger (job_id);

    CREATE TABLE spend_reservations (
      id          BIGSERIAL PRIMARY KEY,
      job_id      TEXT NOT NULL,
      batch_index INTEGER NOT NULL,
      folder_id   TEXT,
      cents       BIGINT NOT NULL CHECK (cents >= 0),
      reserved_at BIGINT NOT NULL,
      UNIQUE (job_id, batch_index)
    );

    CREATE TABLE burst_holds (
      job_id    TEXT PRIMARY KEY,
      folder_id TEXT,
      held_at   BIGINT NOT NULL
    );
    CREATE TABLE burst_resets (
      folder_id   TEXT PRIMARY KEY,
      released_at BIGINT NOT NULL
    );
  `,
};
