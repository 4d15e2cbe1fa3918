/** The contents of one JSON file: its top-level keys (the library's own `__internal__` bookkeeping left out). */
export type JsonContents = Record<string, unknown>;

/**
 * One numbered change of a file's format. Migrations run once per file, in number order, for files written before
 * the number; a new file starts at the latest number. The library records the number in the file (as the semver
 * `N.0.0` under `__internal__.migrations.version`), so conf and electron-store agree on what has run.
 */
export interface NumberedMigration {
  readonly number: number;
  /** What the migration changes, in a sentence (shown in a failed migration's error). */
  readonly summary: string;
  /** The contents in the new format; must not change its input. */
  migrate(contents: JsonContents): JsonContents;
}

/** What an app data file is: where, what each top-level key must look like, and how older formats move forward. */
export interface JsonFileSpec {
  /** The data folder; the file is `<dataDir>/<name>.json`. */
  readonly dataDir: string;
  readonly name: string;
  /** A JSON Schema per top-level key, checked by the library when the file is opened and on every write. */
  readonly schema: Readonly<Record<string, object>>;
  readonly migrations: readonly NumberedMigration[];
  /** Says in words which file it is, for errors ("The profiles file"). */
  readonly title: string;
  /**
   * The layout a file says it has in its own words (profiles.json's `formatVersion`), for files older builds
   * marked themselves; the library's record of the migrations run is read too, and the higher number counts.
   */
  readonly layoutOf?: (contents: JsonContents) => number;
}

/** An open JSON file of the data folder. Reads go to the file each time, so two hosts on one folder see each other. */
export interface JsonFile {
  readonly path: string;
  read(): JsonContents;
  write(contents: JsonContents): void;
}

/**
 * Opens a spec's file, running its pending migrations. The headless host and the CLI use conf
 * (`openConfJsonFile`); the Electron host injects one backed by electron-store (conf underneath, same format).
 */
export type OpenJsonFile = (spec: JsonFileSpec) => JsonFile;
