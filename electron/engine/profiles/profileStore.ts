import { randomUUID } from 'node:crypto';
import { SmartResizeError } from '../../domain/errors';
import { BUILTIN_PROFILES, builtinVersions, isBuiltinProfileId } from './builtinProfiles';
import { freeProfileName, profileNameKey } from './profileNames';
import { ProfileContentSchema, ProfileSchema, type Profile, type ProfileContent, type ProfileInput } from './profileSchema';
import { parseProfileFile, serializeProfile } from './profileTransfer';
import type { OpenJsonFile } from '../settings/jsonFile';
import { ProfilesFile, type StoredProfiles } from './profilesFile';
import { invalidProfileError, parseProfileContent } from './profileValidation';

/** Where and how the store keeps its file. `now` and `newId` exist for tests. */
export interface ProfileStoreOptions {
  /** The app's data folder; the store is `<dataDir>/profiles.json`. */
  readonly dataDir: string;
  /** How the file is opened: conf by default, electron-store in the desktop app (same format). */
  readonly openFile?: OpenJsonFile;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

/** A partial edit: given parts replace the current ones (sizes as a whole list); `fal.seed: null` clears the seed. */
export interface ProfilePatch {
  readonly name?: string;
  readonly sizes?: ProfileInput['sizes'];
  readonly output?: NonNullable<ProfileInput['output']>;
  readonly naming?: Partial<ProfileContent['naming']>;
  readonly fal?: Partial<Omit<ProfileContent['fal'], 'seed'>> & { readonly seed?: number | null };
}

/**
 * What an import did. `created`: new profile under the file's name. `unchanged`: a profile with that name and
 * exactly that content already exists (importing twice is harmless). `renamed`: the name was taken by a different
 * profile, so the import was saved beside it as "Name (imported)" rather than silently changing a profile that
 * folders and jobs may use. `new_version`: asked for with `replaceExisting`, the file became the next version of
 * the same-named profile (the "update my profile from this file" case). `conflict`: asked for with `reportConflict`,
 * nothing was saved because a different profile has that name; `profile` is that one (the person then chooses).
 */
export type ImportOutcome = 'created' | 'unchanged' | 'renamed' | 'new_version' | 'conflict';

/**
 * User profiles with every version kept, plus the read-only built-ins, persisted in profiles.json (atomic JSON writes).
 * Jobs reference (profileId, version), so edits add versions and removal only hides a profile from list() and
 * name lookups: get(id, version) keeps working for history and resumed jobs. Names are unique, case-insensitively,
 * among visible profiles and built-ins, so a name is as good as an id on the command line.
 */
export class ProfileStore {
  readonly #file: ProfilesFile;
  readonly #now: () => Date;
  readonly #newId: () => string;

  constructor(options: ProfileStoreOptions) {
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#file = new ProfilesFile(options.dataDir, options.openFile);
  }

  /** The JSON file the profiles live in. */
  get path(): string {
    return this.#file.path;
  }

  /** Built-ins first (fixed order), then the latest version of each visible user profile, by name. */
  list(): Profile[] {
    const user = Object.values(this.#file.read().profiles)
      .filter((record) => !record.removedAt && !record.copiedTo)
      .map(latestOf)
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
    return [...BUILTIN_PROFILES, ...user];
  }

  /**
   * Like get(), but undefined when there is no such profile or version. A version is looked up under exactly the id
   * given (a job's own); without one, a stopped team preset's id finds this instance's copy of it.
   */
  find(idOrName: string, version?: number): Profile | undefined {
    if (version !== undefined) return this.#versionsOf(idOrName, false)?.find((profile) => profile.version === version);
    return this.#versionsOf(idOrName)?.at(-1);
  }

  /**
   * A profile by id (removed ones included) or by name (visible ones only), at a version or the latest.
   * Throws SmartResizeError('profile_not_found').
   */
  get(idOrName: string, version?: number): Profile {
    const profile = this.find(idOrName, version);
    if (profile) return profile;
    const latest = this.find(idOrName);
    if (latest && version !== undefined) {
      throw new SmartResizeError('profile_not_found', `Profile "${latest.name}" has no version ${version} (versions 1 to ${latest.version} exist).`);
    }
    throw new SmartResizeError('profile_not_found', `No profile is named or has the id "${idOrName}".`);
  }

  /**
   * Every id a job's profile can have here: the built-ins and each saved profile (removed ones included, whose
   * versions stay readable). A team's claims leave jobs of any other profile to an instance that has it.
   */
  knownIds(): string[] {
    return [...BUILTIN_PROFILES.map((profile) => profile.id), ...Object.keys(this.#file.read().profiles)];
  }

  /** Every version of a profile, oldest first. Throws SmartResizeError('profile_not_found'). */
  versions(idOrName: string): Profile[] {
    const versions = this.#versionsOf(idOrName);
    if (!versions) throw new SmartResizeError('profile_not_found', `No profile is named or has the id "${idOrName}".`);
    return [...versions];
  }

  /** Saves a new profile as version 1. Throws SmartResizeError('invalid_profile') when invalid or the name is taken. */
  create(input: ProfileInput): Profile {
    const content = parseProfileContent(input);
    this.#assertNameFree(content.name);
    const stamp = this.#now().toISOString();
    const profile = ProfileSchema.parse({ ...content, id: this.#newId(), version: 1, createdAt: stamp, updatedAt: stamp });
    this.#file.update((file) => {
      file.profiles[profile.id] = { versions: [profile] };
    });
    return profile;
  }

  /**
   * Saves an edit as the next version and returns it; an edit that changes nothing returns the current version
   * and adds none. Built-ins are read-only and removed profiles cannot be edited. The first edit of a stopped team
   * preset is saved in this instance's own copy, under a new id (see #copyIfStopped).
   */
  update(idOrName: string, patch: ProfilePatch): Profile {
    const edited = this.#editable(idOrName);
    const { seed, ...falPatch } = patch.fal ?? {};
    const fal = { ...edited.fal, ...falPatch, ...(seed === undefined ? {} : { seed: seed ?? undefined }) };
    const content = parseProfileContent({
      ...contentOf(edited),
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.sizes === undefined ? {} : { sizes: patch.sizes }),
      output: { ...edited.output, ...patch.output },
      naming: { ...edited.naming, ...patch.naming },
      fal,
    });
    if (sameContent(content, edited)) return edited;
    this.#assertNameFree(content.name, edited.id);
    const current = this.#copyIfStopped(edited);
    const next = ProfileSchema.parse({
      ...content,
      id: current.id,
      version: current.version + 1,
      createdAt: current.createdAt,
      updatedAt: this.#now().toISOString(),
    });
    this.#file.update((file) => {
      file.profiles[current.id]?.versions.push(next);
    });
    return next;
  }

  /** Hides a profile from list() and name lookups; its versions stay readable by id. Built-ins cannot be removed. */
  remove(idOrName: string): void {
    const current = this.#editable(idOrName);
    const removedAt = this.#now().toISOString();
    this.#file.update((file) => {
      const record = file.profiles[current.id];
      if (record) record.removedAt = removedAt;
    });
  }

  /** A new editable profile copied from a built-in; `name` defaults to "<preset> (copy)", `naming` to the preset's. */
  createFromPreset(presetIdOrName: string, name?: string, naming?: Profile['naming']): Profile {
    const preset = this.get(presetIdOrName);
    if (!isBuiltinProfileId(preset.id)) {
      throw new SmartResizeError('profile_not_found', `"${presetIdOrName}" is not a built-in preset.`);
    }
    const chosen = name ?? freeProfileName(preset.name, 'copy', (candidate) => this.#nameTaken(candidate));
    // The app's default naming (Settings) rather than the preset's, when the caller gives one.
    return this.create({ ...contentOf(preset), name: chosen, ...(naming && { naming }) });
  }

  /** The profile as export-file JSON text (see serializeProfile). */
  exportProfile(idOrName: string, version?: number): string {
    return serializeProfile(this.get(idOrName, version));
  }

  /** Imports an exported profile file; see ImportOutcome for what happens when the name is already in use. */
  importProfile(text: string, options: { readonly replaceExisting?: boolean; readonly reportConflict?: boolean } = {}): { profile: Profile; outcome: ImportOutcome } {
    const content = parseProfileFile(text);
    const existing = this.#visibleByName(content.name);
    if (!existing) return { profile: this.create(content), outcome: 'created' };
    if (sameContent(content, existing)) return { profile: existing, outcome: 'unchanged' };
    if (options.reportConflict) return { profile: existing, outcome: 'conflict' };
    if (options.replaceExisting && !isBuiltinProfileId(existing.id)) {
      return { profile: this.update(existing.id, { ...content, fal: { ...content.fal, seed: content.fal.seed ?? null } }), outcome: 'new_version' };
    }
    const name = freeProfileName(content.name, 'imported', (candidate) => this.#nameTaken(candidate));
    return { profile: this.create({ ...content, name }), outcome: 'renamed' };
  }

  /** True when the profile was a team preset until its sharing stopped, or is this instance's copy of one (see adoptTeamStop). */
  sharingStopped(id: string): boolean {
    const record = this.#file.read().profiles[id];
    return record?.teamStoppedAt !== undefined || record?.copyOf !== undefined;
  }

  /** True when the profile is shared with the team (a team preset). */
  isShared(id: string): boolean {
    return this.#file.read().profiles[id]?.team === true;
  }

  /**
   * Marks a user profile as shared with the team; the team presets sync sends its versions to the database. A
   * profile whose sharing was stopped is not shared again under its id: each instance kept its own copy of it since,
   * so its next versions may differ from one instance to another (a duplicate is a new profile and can be shared).
   */
  share(idOrName: string): Profile {
    const current = this.#editable(idOrName);
    if (this.sharingStopped(current.id)) {
      throw new SmartResizeError(
        'invalid_profile',
        `"${current.name}" was a team preset until it stopped being shared: every instance keeps its own copy now. Duplicate it (or export and import it) to share a copy.`,
      );
    }
    this.#file.update((file) => {
      const record = file.profiles[current.id];
      if (record) record.team = true;
    });
    return current;
  }

  /** Every shared profile's versions, oldest first, and when it was removed: what the team presets sync sends. */
  sharedRecords(): { id: string; versions: Profile[]; removedAt?: string }[] {
    return Object.entries(this.#file.read().profiles)
      .filter(([, record]) => record.team === true)
      .map(([id, record]) => ({ id, versions: record.versions, ...(record.removedAt && { removedAt: record.removedAt }) }));
  }

  /**
   * Takes a team preset's version from the database: added beside the versions known here (a version this instance
   * has already is never replaced: versions are immutable), and the profile becomes a team preset here too. A name
   * taken here by another profile is a clash: the team's version is still kept (jobs of the team need it).
   */
  adoptTeamVersion(profile: Profile): void {
    const parsed = ProfileSchema.parse(profile);
    this.#file.update((file) => {
      const record = (file.profiles[parsed.id] ??= { versions: [parsed] });
      // A stopped preset's team version read again (the team's rows are re-read under a preset's lock): it stays stopped.
      if (record.teamStoppedAt) return;
      record.team = true;
      if (record.versions.some((known) => known.version === parsed.version)) return;
      record.versions.push(parsed);
      record.versions.sort((a, b) => a.version - b.version);
    });
  }

  /**
   * A team preset that stopped being shared (here or on another instance): it stays here as this instance's own
   * profile, with every version it had. When its name is taken here by another profile (the team's arrived while a
   * profile of this computer had it, told apart by "(team)" until now), the copy is renamed "Name (team copy)" as its
   * next version, so no two profiles of this instance answer to one name. Answers the profile as it is now.
   */
  adoptTeamStop(id: string, stoppedAt: string): Profile | undefined {
    const record = this.#file.read().profiles[id];
    if (!record) return undefined;
    if (record.copiedTo) return this.find(id);
    if (record.team !== true && record.teamStoppedAt) return latestOf(record);
    this.#file.update((file) => {
      const stored = file.profiles[id];
      if (!stored) return;
      delete stored.team;
      stored.teamStoppedAt = stoppedAt;
    });
    const current = latestOf(record);
    const takenByOther = (name: string) => this.list().some((profile) => profile.id !== id && profileNameKey(profile.name) === profileNameKey(name));
    if (record.removedAt || !takenByOther(current.name)) return current;
    return this.update(id, { name: freeProfileName(current.name, 'team copy', takenByOther) });
  }

  /** A team preset removed elsewhere: hidden here too (its versions stay readable by id). */
  adoptTeamRemoval(id: string, removedAt: string): void {
    this.#file.update((file) => {
      const record = file.profiles[id];
      if (record && !record.removedAt) record.removedAt = removedAt;
    });
  }

  /**
   * A stopped team preset about to get its first version here: the edit goes to a copy under a new id, with the
   * team's versions (same numbers and content, so the copy reads as the profile it was), and the team's id keeps
   * only the team's versions. Every instance keeps a copy once sharing stops; were the copies' edits versions of
   * the one team id, a job of the team's queue made with one instance's version N+1 could be run by another
   * instance with its own, different N+1. Answers the profile the edit applies to (the copy's latest).
   */
  #copyIfStopped(current: Profile): Profile {
    const record = this.#file.read().profiles[current.id];
    if (!record?.teamStoppedAt || record.team === true || record.copiedTo) return current;
    const copyId = this.#newId();
    this.#file.update((file) => {
      const stored = file.profiles[current.id];
      if (!stored) return;
      stored.copiedTo = copyId;
      file.profiles[copyId] = { versions: stored.versions.map((version) => ({ ...version, id: copyId })), copyOf: current.id };
    });
    return this.get(copyId);
  }

  /** A profile's versions; `followCopy`: a stopped team preset copied here answers with its copy's (see #copyIfStopped). */
  #versionsOf(idOrName: string, followCopy = true): readonly Profile[] | undefined {
    const builtin = builtinVersions(idOrName);
    if (builtin) return builtin;
    const profiles = this.#file.read().profiles;
    const byId = Object.hasOwn(profiles, idOrName) ? profiles[idOrName] : undefined;
    const copy = followCopy && byId?.copiedTo ? profiles[byId.copiedTo] : undefined;
    if (byId) return (copy ?? byId).versions;
    const byName = this.#visibleByName(idOrName);
    if (!byName) return undefined;
    return isBuiltinProfileId(byName.id) ? builtinVersions(byName.id) : profiles[byName.id]?.versions;
  }

  #visibleByName(name: string): Profile | undefined {
    const key = profileNameKey(name);
    return this.list().find((profile) => profileNameKey(profile.name) === key);
  }

  #nameTaken(name: string, exceptId?: string): boolean {
    const found = this.#visibleByName(name);
    return found !== undefined && found.id !== exceptId;
  }

  #assertNameFree(name: string, exceptId?: string): void {
    if (this.#nameTaken(name, exceptId)) {
      throw invalidProfileError('The profile is not valid:', [{ path: 'name', message: `A profile named "${name}" already exists.` }]);
    }
  }

  #editable(idOrName: string): Profile {
    const current = this.get(idOrName);
    if (isBuiltinProfileId(current.id)) {
      throw new SmartResizeError('invalid_profile', `"${current.name}" is a built-in profile and cannot be changed: make a copy of it first.`);
    }
    if (this.#file.read().profiles[current.id]?.removedAt) {
      throw new SmartResizeError('profile_not_found', `Profile "${current.name}" was removed.`);
    }
    return current;
  }
}

function latestOf(record: StoredProfiles['profiles'][string]): Profile {
  return record.versions[record.versions.length - 1] as Profile;
}

/** Just the chosen settings, without identity and version, in schema key order (so JSON text compares). */
function contentOf(profile: ProfileContent): ProfileContent {
  return ProfileContentSchema.parse(profile);
}

function sameContent(a: ProfileContent, b: ProfileContent): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));
}
