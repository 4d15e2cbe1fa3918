import type { PgMigration } from './pgMigration';

/** A team's presets (issue 15), the same step as SQLite's 015: shared profiles and folder settings, one row per version. */
export const pgTeamPresets: PgMigration = {
  version: 15,
  name: 'team_presets',
  up: `
    CREATE TABLE team_presets (
      seq       BIGSERIAL PRIMARY KEY,
      kind      TEXT NOT NULL CHECK (kind IN ('profile', 'folder')),
      preset_id TEXT NOT NULL,
      version   INTEGER NOT NULL CHECK (version >= 1),
      body      TEXT NOT NULL,
      removed   BOOLEAN NOT NULL DEFAULT false,
      saved_by  TEXT,
      saved_at  BIGINT NOT NULL,
      UNIQUE (kind, preset_id, version)
    );
  `,
};
