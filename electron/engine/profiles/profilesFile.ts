import { z } from 'zod';
import type { JsonFile, JsonFileSpec, OpenJsonFile } from '../settings/jsonFile';
import { lazyJsonFile } from '../settings/lazyJsonFile';
import { openConfJsonFile } from '../settings/openConfJsonFile';
import { ProfileSchema } from './profileSchema';
import { PROFILES_FILE_VERSION, PROFILES_MIGRATIONS, profilesLayoutOf } from './profilesFileMigrations';
import { invalidProfileError, toFieldIssues } from './profileValidation';

const StoredFileSchema = z.object({
  formatVersion: z.literal(PROFILES_FILE_VERSION),
  profiles: z.record(
    z.string(),
    z.object({
      removedAt: z.iso.datetime().optional(),
      /** Shared with the team through its database (issue 15): a team preset. Absent: this instance's own. */
      team: z.boolean().optional(),
      /** When this team preset stopped being shared (here or elsewhere): the profile is this instance's own again. */
      teamStoppedAt: z.iso.datetime().optional(),
      /**
       * A stopped team preset edited here: its edits went to this instance's own copy under this id (see
       * ProfileStore.update), so no two instances' later versions share one id. This record keeps the team's
       * versions, for the jobs made with them, and is hidden; looking it up without a version finds the copy.
       */
      copiedTo: z.string().min(1).optional(),
      /** This instance's own copy of that stopped team preset: the team's id it was copied from. */
      copyOf: z.string().min(1).optional(),
      versions: z.array(ProfileSchema).min(1),
    }),
  ),
});

/** Everything in profiles.json: each user profile's versions (oldest first) and when it was removed, by id. */
export type StoredProfiles = z.infer<typeof StoredFileSchema>;

/** `<dataDir>/profiles.json`, with the JSON Schema made from the zod schema its reads are validated with. */
function profilesFileSpec(dataDir: string): JsonFileSpec {
  const { properties } = z.toJSONSchema(StoredFileSchema, { io: 'input' }) as { properties: Record<string, object> };
  return { dataDir, name: 'profiles', title: 'The profiles file', schema: properties, migrations: PROFILES_MIGRATIONS, layoutOf: profilesLayoutOf };
}

/**
 * The profiles.json file in the data folder, through conf (headless host, CLI) or electron-store (desktop app):
 * atomic writes, one format, the numbered migrations of profilesFileMigrations (the old file copied to
 * profiles.v<N>.backup.json first). A file that is not JSON or breaks the schema is reported, never silently
 * reset, and every read is validated, so a hand-edited or damaged file is named in a clear error instead of
 * surfacing later as a half-read profile.
 */
export class ProfilesFile {
  readonly #file: JsonFile;

  constructor(dataDir: string, openFile: OpenJsonFile = openConfJsonFile) {
    this.#file = lazyJsonFile(profilesFileSpec(dataDir), openFile, 'invalid_profile');
  }

  /** The file's path. */
  get path(): string {
    return this.#file.path;
  }

  /** The validated contents. Throws SmartResizeError('invalid_profile') naming the file when it is damaged. */
  read(): StoredProfiles {
    const parsed = StoredFileSchema.safeParse({ formatVersion: PROFILES_FILE_VERSION, profiles: {}, ...this.#file.read() });
    if (!parsed.success) throw invalidProfileError(`The profiles file ${this.path} is damaged:`, toFieldIssues(parsed.error));
    return parsed.data;
  }

  /** Reads, lets `change` edit the contents in place, and writes them back. */
  update(change: (contents: StoredProfiles) => void): void {
    const contents = this.read();
    change(contents);
    this.#file.write(contents);
  }
}
