import type { Migration } from './migration';

/**
 * A team's presets (issue 15): profiles and watched-folder settings an instance shares with the team, one row per
 * version (`seq` orders every change for instances reading "what is new since seq N"). A profile row's `body` is the
 * whole profile version (versions stay immutable: jobs record profile id + version); a folder row's is the folder's
 * shared settings. `removed` rows say the preset was removed (its versions stay readable for history). The feature
 * is PostgreSQL's (a team); SQLite has the table so both stores keep one schema.
 */
export const teamPresets: Migration = {
  version: 15,
  name: 'team_presets',
  up: `
    CREATE TABLE team_presets (
      seq       INTEGER PRIMARY KEY AUTOINCREMENT,
      kind      TEXT NOT NULL CHECK (kind IN ('profile', 'folder')),
      preset_id TEXT NOT NULL,
      version   INTEGER NOT NULL CHECK (version >= 1),
      body      TEXT NOT NULL CHECK (json_valid(body)),
      removed   INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
      saved_by  TEXT,
      saved_at  INTEGER NOT NULL,
      UNIQUE (kind, preset_id, version)
    );
  `,
};
