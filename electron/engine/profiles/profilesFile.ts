import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import { SmartResizeError } from '../../domain/errors';
import { ProfileSchema } from './profileSchema';
import { invalidProfileError, toFieldIssues } from './profileValidation';
import { migrateProfilesData, PROFILES_FILE_VERSION, type StoredData } from './profilesFileMigrations';

const StoredFileSchema = z.object({
  formatVersion: z.literal(PROFILES_FILE_VERSION),
  profiles: z.record(z.string(), z.object({ removedAt: z.iso.datetime().optional(), versions: z.array(ProfileSchema).min(1) })),
});

/** Everything in profiles.json: each user profile's versions (oldest first) and when it was removed, by id. */
export type StoredProfiles = z.infer<typeof StoredFileSchema>;

/**
 * The profiles.json file in the data folder, through `conf` (atomic writes; a file that is not JSON is reported,
 * never silently reset). Every read is validated, so a hand-edited or damaged file is named in a clear error
 * instead of surfacing later as a half-read profile.
 */
export class ProfilesFile {
  readonly #conf: Conf<StoredProfiles>;

  constructor(dataDir: string) {
    this.#conf = guardJson(join(dataDir, 'profiles.json'), () =>
      new Conf<StoredProfiles>({
        // With `cwd` given, conf needs no projectName: the file is exactly <cwd>/<configName>.json.
        cwd: dataDir,
        configName: 'profiles',
        // Profile ids are keys; dots in them must not turn into nested objects.
        accessPropertiesByDotNotation: false,
        defaults: { formatVersion: PROFILES_FILE_VERSION, profiles: {} },
      }),
    );
    this.#migrate(dataDir);
  }

  /** The file's path. */
  get path(): string {
    return this.#conf.path;
  }

  /** The validated contents. Throws SmartResizeError('invalid_profile') naming the file when it is damaged. */
  read(): StoredProfiles {
    const parsed = StoredFileSchema.safeParse(guardJson(this.path, () => this.#conf.store));
    if (!parsed.success) throw invalidProfileError(`The profiles file ${this.path} is damaged:`, toFieldIssues(parsed.error));
    return parsed.data;
  }

  /**
   * Brings a file an older build wrote to this build's layout (see profilesFileMigrations), after copying it to
   * profiles.v<N>.backup.json beside it: a migration never loses what was there, even if it had a bug.
   */
  #migrate(dataDir: string): void {
    const raw = guardJson(this.path, () => this.#conf.store) as unknown as StoredData;
    const { data, from } = migrateProfilesData(raw, this.path);
    if (from === PROFILES_FILE_VERSION) return;
    const backup = join(dataDir, `profiles.v${from}.backup.json`);
    if (existsSync(this.path) && !existsSync(backup)) copyFileSync(this.path, backup);
    this.#conf.store = data as unknown as StoredProfiles;
  }

  /** Reads, lets `change` edit the contents in place, and writes them back. */
  update(change: (contents: StoredProfiles) => void): void {
    const contents = this.read();
    change(contents);
    this.#conf.store = contents;
  }
}

function guardJson<T>(path: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new SmartResizeError('invalid_profile', `The profiles file ${path} is damaged (not valid JSON); fix it or move it away.`, { cause: error });
    }
    throw error;
  }
}
