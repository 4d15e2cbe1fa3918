import type { JsonContents, NumberedMigration } from './jsonFile';

/**
 * 1: settings.json kept every setting inside one `settings` object; each setting becomes a top-level key, so the
 * file's JSON Schema (which conf and electron-store check per top-level key) describes each of them. A value
 * already at the top level (written by this version) wins over the old nested one.
 */
const flattenSettings: NumberedMigration = {
  number: 1,
  summary: 'settings move from one "settings" object to a key each',
  migrate: (contents) => {
    const { settings, ...rest } = contents;
    const nested: JsonContents = settings !== null && typeof settings === 'object' && !Array.isArray(settings) ? (settings as JsonContents) : {};
    return { ...nested, ...rest };
  },
};

/**
 * 2: a folder's `polling` gains "not chosen" (null: poll exactly when the folder is on a network share). Before it,
 * `false` was what every folder got unless polling was ticked, not a choice, so it becomes null; `true` stays.
 */
const pollingChoice: NumberedMigration = {
  number: 2,
  summary: "folders' polling off becomes not chosen (polled on network shares)",
  migrate: (contents) => {
    const folders = contents.folders;
    if (!Array.isArray(folders)) return contents;
    const chosen = folders.map((folder: unknown) =>
      folder !== null && typeof folder === 'object' && (folder as JsonContents).polling === false ? { ...(folder as JsonContents), polling: null } : folder,
    );
    return { ...contents, folders: chosen };
  },
};

/** Every change of settings.json's format, oldest first. Add new ones at the end with the next number. */
export const SETTINGS_MIGRATIONS: readonly NumberedMigration[] = [flattenSettings, pollingChoice];
