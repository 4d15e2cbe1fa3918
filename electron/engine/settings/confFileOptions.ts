import type Conf from 'conf';
import type { Options } from 'conf';
import { latestLayout } from './fileLayout';
import type { JsonContents, JsonFile, JsonFileSpec } from './jsonFile';

/** conf's options for a spec; electron-store takes the same ones, with `configName` spelt `name`. */
type ConfFileOptions = Options<JsonContents> & { readonly configName: string };

/** The semver a migration number is recorded as (conf and electron-store key migrations by version). */
function migrationVersion(number: number): string {
  return `${number}.0.0`;
}

/**
 * The options both libraries are given for a spec, built in one place so the two hosts write one format: the same
 * file name, schema, migrations and recorded version, nothing defaulted into the file, and a damaged file reported
 * rather than reset.
 */
export function confFileOptions(spec: JsonFileSpec): ConfFileOptions {
  const latest = latestLayout(spec);
  return {
    cwd: spec.dataDir,
    configName: spec.name,
    schema: spec.schema as Options<JsonContents>['schema'],
    // Defaults stay out of the file: the engine's zod schemas fill them in on reading, so a default changed in a
    // later version reaches every file that never set that value.
    ajvOptions: { useDefaults: false },
    // Ids are keys (a profile id may hold dots): a key is a key, never a path.
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    watch: false,
    projectVersion: migrationVersion(latest),
    migrations: Object.fromEntries(
      spec.migrations.map((migration) => [
        migrationVersion(migration.number),
        (store: Conf<JsonContents>) => {
          store.store = migration.migrate({ ...store.store });
        },
      ]),
    ),
  };
}

/** A JsonFile over an open conf (or electron-store, which is a conf) instance. */
export function confJsonFile(conf: Conf<JsonContents>): JsonFile {
  return {
    path: conf.path,
    read: () => ({ ...conf.store }),
    write: (contents) => {
      conf.store = contents;
    },
  };
}
