import type { Migration } from './migration';

/**
 * The spend ledger and the budget's memory. Money is integer US cents.
 * - `spend_ledger`: one row per priced event: `charge` (a finished fal request priced from what fal reported),
 *   `may_be_billed` (a 422 after submit: fal may bill GPU time; never counted as spend) and `saving` (what fal would
 *   have cost for sizes `auto` kept local). Names are copied in so the ledger reads the same after a profile or
 *   folder is renamed or removed; there is no foreign key, so the ledger outlives anything it points at.
 *   A request is recorded once per kind (unique request id + kind); a job has at most one saving row.
 * - `spend_reservations`: the maximum estimate of each request admitted by the budget and not yet priced, persisted
 *   so money in flight is not forgotten by a crash. Settled (deleted with the charge insert) or released.
 * - `burst_holds`: jobs a hot-folder burst parked in waiting_budget until the person says go; `burst_resets`
 *   remembers when a folder's burst was last released, so the released files do not count toward the next one.
 */
export const spendLedger: Migration = {
  version: 4,
  name: 'spend_ledger',
  up: `
    CREATE TABLE spend_ledger (
      id              INTEGER PRIMARY KEY AUTOINCREMENT,
      at              INTEGER NOT NULL,
      kind            TEXT NOT NULL CHECK (kind IN ('charge', 'may_be_billed', 'saving')),
      cents           INTEGER NOT NULL CHECK (cents >= 0),
      job_id          TEXT NOT NULL,
      request_row_id  INTEGER,
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
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id      TEXT NOT NULL,
      batch_index INTEGER NOT NULL,
      folder_id   TEXT,
      cents       INTEGER NOT NULL CHECK (cents >= 0),
      reserved_at INTEGER NOT NULL,
      UNIQUE (job_id, batch_index)
    );

    CREATE TABLE burst_holds (
      job_id    TEXT PRIMARY KEY,
      folder_id TEXT,
      held_at   INTEGER NOT NULL
    );
    CREATE TABLE burst_resets (
      folder_id   TEXT PRIMARY KEY,
      released_at INTEGER NOT NULL
    );
  `,
};
