import { SmartResizeError } from '../../domain/errors';

/** One numbered step of profiles.json's layout; `up` rewrites the whole file's data from version-1 to `version`. */
interface ProfilesFileMigration {
  readonly version: number;
  readonly name: string;
  readonly up: (data: StoredData) => StoredData;
}

/** The file's data before it is validated: whatever an older build wrote. */
export type StoredData = { formatVersion?: unknown; profiles?: Record<string, { versions?: Array<Record<string, unknown>> } & Record<string, unknown>> } & Record<string, unknown>;

/**
 * Version 2 (issue 12): profiles gain placements, the `auto` format, a weight budget and a rights-metadata
 * setting. Every stored version keeps all it had, word for word (bare sizes stay bare, PNG stays PNG); it only
 * states the one new setting with a default, copying rights metadata, so the file says what the app will do.
 */
const rightsMetadataSetting: ProfilesFileMigration = {
  version: 2,
  name: 'rights_metadata_setting',
  up: (data) => ({
    ...data,
    profiles: Object.fromEntries(
      Object.entries(data.profiles ?? {}).map(([id, record]) => [
        id,
        { ...record, versions: (record.versions ?? []).map((version) => ({ ...version, output: { copyMetadata: true, ...((version['output'] as object | undefined) ?? {}) } })) },
      ]),
    ),
  }),
};

/** Every migration of profiles.json, in order. Append new ones; never edit or renumber shipped ones. */
const PROFILES_FILE_MIGRATIONS: readonly ProfilesFileMigration[] = [rightsMetadataSetting];

/** The layout version this build writes. */
export const PROFILES_FILE_VERSION = PROFILES_FILE_MIGRATIONS.at(-1)?.version ?? 1;

/**
 * Brings the file's data to PROFILES_FILE_VERSION; `from` is the version it had (1 when unmarked). A file from a
 * newer build is refused (SmartResizeError('invalid_profile')) rather than rewritten by code that does not know it.
 */
export function migrateProfilesData(data: StoredData, path: string): { data: StoredData; from: number } {
  const from = typeof data.formatVersion === 'number' && Number.isInteger(data.formatVersion) ? data.formatVersion : 1;
  if (from > PROFILES_FILE_VERSION) {
    throw new SmartResizeError(
      'invalid_profile',
      `The profiles file ${path} was written by a newer version of Smart Resize (layout ${from}; this version reads up to ${PROFILES_FILE_VERSION}). Update the app; the file was left as it is.`,
    );
  }
  let current = data;
  for (const migration of PROFILES_FILE_MIGRATIONS) {
    if (migration.version > from) current = { ...migration.up(current), formatVersion: migration.version };
  }
  return { data: current, from };
}
