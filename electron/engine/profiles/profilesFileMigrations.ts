import type { JsonContents, NumberedMigration } from '../settings/jsonFile';

type StoredVersion = Record<string, unknown>;
type StoredRecord = { versions?: StoredVersion[] } & Record<string, unknown>;

/** The layout profiles.json says it has: its own `formatVersion` (1 when unmarked: the first builds wrote none). */
export function profilesLayoutOf(contents: JsonContents): number {
  const { formatVersion } = contents;
  return typeof formatVersion === 'number' && Number.isInteger(formatVersion) ? formatVersion : 1;
}

/**
 * Version 2 (issue 12): profiles gain placements, the `auto` format, a weight budget and a rights-metadata
 * setting. Every stored version keeps all it had, word for word (bare sizes stay bare, PNG stays PNG); it only
 * states the one new setting with a default, copying rights metadata, so the file says what the app will do.
 */
function rightsMetadataSetting(contents: JsonContents): JsonContents {
  const profiles = (contents['profiles'] ?? {}) as Record<string, StoredRecord>;
  return {
    ...contents,
    profiles: Object.fromEntries(
      Object.entries(profiles).map(([id, record]) => [
        id,
        { ...record, versions: (record.versions ?? []).map((version) => ({ ...version, output: { copyMetadata: true, ...((version['output'] as object | undefined) ?? {}) } })) },
      ]),
    ),
  };
}

/**
 * A step that also writes its number as the file's `formatVersion` (builds before electron-store read only that,
 * and refuse a layout newer than theirs), and is skipped for a file whose `formatVersion` says it is there already:
 * a file migrated by those builds carries no library record, so the library offers it every step again.
 */
function layoutStep(number: number, summary: string, up: (contents: JsonContents) => JsonContents): NumberedMigration {
  return {
    number,
    summary,
    migrate: (contents) => (profilesLayoutOf(contents) >= number ? contents : { ...up(contents), formatVersion: number }),
  };
}

/** Every migration of profiles.json, in order. Append new ones; never edit or renumber shipped ones. */
export const PROFILES_MIGRATIONS: readonly NumberedMigration[] = [layoutStep(2, 'profiles state the rights-metadata setting', rightsMetadataSetting)];

/** The layout version this build writes. */
export const PROFILES_FILE_VERSION = PROFILES_MIGRATIONS.at(-1)?.number ?? 1;
