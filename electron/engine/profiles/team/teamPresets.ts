import { describeError, SmartResizeError } from '../../../domain/errors';
import type { SettingsStore } from '../../settings/settingsStore';
import type { JobStore, StoreRepositories, TeamPreset } from '../../store';
import type { Profile } from '../profileSchema';
import type { ProfileStore } from '../profileStore';
import { readSharedFolderBody, sharedFolderBody } from './sharedFolderBody';
import { isStoppedSharing, stoppedSharingBody } from './stoppedSharing';

/** What the team presets sync reads and writes. */
export interface TeamPresetsDeps {
  readonly store: JobStore;
  readonly profiles: ProfileStore;
  readonly settings: SettingsStore;
  /** False on SQLite (one person): every method then only does the local part. */
  readonly enabled: boolean;
  /** How often the presets' version (the newest seq) is read; default 2 s. */
  readonly pollMs?: number;
  /** Folder settings changed by the team: the hot folders are set up again. */
  readonly onFoldersChanged?: () => void;
}

/**
 * A team's presets (issue 15): profiles and watched folders marked "shared with the team" live in the team's
 * database beside this instance's own profiles.json and settings.json, which keep everything else apart (the fal
 * key, concurrency, close-to-tray, folders not shared). Other instances' edits arrive by a poll of the presets'
 * version every `pollMs` (a changed newest seq pulls what is new), and at once when a job needs a profile version
 * not seen here yet. A shared profile's edit is saved under the preset's lock after pulling its newest versions, so
 * two instances editing at once make versions N+1 and N+2, never two different N+1 (jobs record id + version).
 */
export class TeamPresets {
  private seq = 0;
  private synced = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Each shared folder as last read from or sent to the database: a local edit is a body that differs. */
  private readonly folderSeen = new Map<string, { version: number; body: string; removed: boolean }>();

  constructor(private readonly deps: TeamPresetsDeps) {}

  /** Whether there is a team to share with (the store is PostgreSQL). */
  get available(): boolean {
    return this.deps.enabled;
  }

  /**
   * Reads the team's presets and sends this instance's shared ones it lacks, in the background (a database away
   * does not hold the engine's start), then polls.
   */
  start(): void {
    if (!this.deps.enabled || this.timer) return;
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.deps.pollMs ?? 2000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Pulls what the team changed, then sends local shared changes. One at a time; concurrent calls share a run. */
  sync(): Promise<void> {
    if (!this.deps.enabled) return Promise.resolve();
    this.running ??= this.pullAndPush().finally(() => (this.running = undefined));
    return this.running;
  }

  /** A job needs this profile version: pulled first when it is not known here yet (an edit made elsewhere). */
  async ensureProfileVersion(profileId: string, version: number): Promise<void> {
    if (this.deps.enabled && !this.deps.profiles.find(profileId, version)) await this.sync();
  }

  /** Marks a profile shared with the team and sends every version of it. */
  async shareProfile(id: string): Promise<Profile> {
    const profile = this.deps.profiles.share(id);
    await this.sync();
    return profile;
  }

  /**
   * Takes a profile out of the team's presets for every instance: a removal row marked "stopped sharing" (see
   * stoppedSharingBody) goes to the database under the preset's lock, after the team's newest versions are pulled,
   * so each instance keeps the profile as its own at the last version the team had. Its jobs keep their version.
   */
  async stopSharing(id: string): Promise<Profile> {
    const profileId = this.deps.profiles.get(id).id;
    if (!this.deps.profiles.isShared(profileId)) {
      throw new SmartResizeError('invalid_profile', `"${this.deps.profiles.get(profileId).name}" is not shared with the team.`);
    }
    return this.deps.store.transaction(async (tx) => {
      await tx.presets.lock('profile', profileId);
      for (const row of await tx.presets.since(0)) if (row.kind === 'profile' && row.presetId === profileId) this.applyProfile(row);
      const latest = await tx.presets.latest('profile', profileId);
      const last = this.deps.profiles.get(profileId);
      if (latest && !latest.removed) {
        await tx.presets.add({ kind: 'profile', presetId: profileId, version: latest.version + 1, body: stoppedSharingBody(last), removed: true });
      }
      return this.deps.profiles.adoptTeamStop(profileId, new Date().toISOString()) ?? last;
    });
  }

  /**
   * Saves an edit of a profile with `save` (the local store's update or removal). A shared one is saved under the
   * preset's lock with the team's newest versions pulled first, and its new version is in the database before this
   * resolves, so a job made with it on this instance finds it on every other.
   */
  async editProfile<T>(id: string, save: () => T): Promise<T> {
    const profileId = this.deps.profiles.find(id)?.id;
    if (!this.deps.enabled || profileId === undefined || !this.deps.profiles.isShared(profileId)) return save();
    return this.deps.store.transaction(async (tx) => {
      await tx.presets.lock('profile', profileId);
      for (const row of await tx.presets.since(0)) if (row.kind === 'profile' && row.presetId === profileId) this.applyProfile(row);
      const result = save();
      await this.pushProfiles(tx, profileId);
      return result;
    });
  }

  private async poll(): Promise<void> {
    try {
      if (!this.synced || (await this.deps.store.presets.lastSeq()) !== this.seq || this.localFoldersChanged()) await this.sync();
    } catch (error) {
      // The database away: the next poll tries again (the outage itself is shown by the store's connection state).
      if (process.env.SMART_RESIZE_DEBUG) console.error(`Team presets: ${describeError(error)}`);
    }
  }

  private async pullAndPush(): Promise<void> {
    const { store } = this.deps;
    let foldersChanged = false;
    for (const row of await store.presets.since(this.seq)) {
      try {
        if (row.kind === 'profile') this.applyProfile(row);
        else foldersChanged = this.applyFolder(row) || foldersChanged;
      } catch (error) {
        // One preset this instance cannot take (a folder path it already watches on its own): the others still come.
        console.warn(`Team preset ${row.kind} ${row.presetId} v${row.version} not applied here: ${describeError(error)}`);
      }
      this.seq = Math.max(this.seq, row.seq);
    }
    await store.transaction((tx) => this.pushProfiles(tx));
    foldersChanged = (await this.pushFolders()) || foldersChanged;
    this.synced = true;
    if (foldersChanged) this.deps.onFoldersChanged?.();
  }

  private applyProfile(row: TeamPreset): void {
    const profile = row.body as Profile;
    if (row.removed && isStoppedSharing(row.body)) this.deps.profiles.adoptTeamStop(row.presetId, new Date(row.savedAt).toISOString());
    else if (row.removed) this.deps.profiles.adoptTeamRemoval(row.presetId, new Date(row.savedAt).toISOString());
    else this.deps.profiles.adoptTeamVersion(profile);
  }

  /** Sends every version of the shared profiles (or of one) the database lacks; resolves how many rows it wrote. */
  private async pushProfiles(tx: StoreRepositories, onlyId?: string): Promise<number> {
    let written = 0;
    for (const record of this.deps.profiles.sharedRecords()) {
      if (onlyId !== undefined && record.id !== onlyId) continue;
      const known = (await tx.presets.latest('profile', record.id))?.version ?? 0;
      for (const version of record.versions) {
        if (version.version > known && (await tx.presets.add({ kind: 'profile', presetId: record.id, version: version.version, body: version, removed: false }))) written += 1;
      }
      const latest = await tx.presets.latest('profile', record.id);
      if (record.removedAt && latest && !latest.removed) {
        // The removal is a row of its own after the last version (never a profile version: those stay readable).
        const last = record.versions[record.versions.length - 1]!;
        if (await tx.presets.add({ kind: 'profile', presetId: record.id, version: latest.version + 1, body: last, removed: true })) written += 1;
      }
    }
    return written;
  }

  /** A folder row from the team: added, changed or removed here (this instance's on/off switch is kept). */
  private applyFolder(row: TeamPreset): boolean {
    const seen = this.folderSeen.get(row.presetId);
    if (seen && seen.version >= row.version) return false;
    const { settings } = this.deps;
    const local = settings.get().folders.find((folder) => folder.id === row.presetId);
    const body = readSharedFolderBody(row.body);
    this.folderSeen.set(row.presetId, { version: row.version, body: JSON.stringify(body ?? null), removed: row.removed });
    if (row.removed || !body) {
      if (!local) return false;
      settings.removeFolder(row.presetId);
      return true;
    }
    if (local) settings.updateFolder(row.presetId, { ...body, shared: true });
    else settings.addFolder({ ...body, id: row.presetId, enabled: true, shared: true });
    return true;
  }

  private localFoldersChanged(): boolean {
    const folders = this.deps.settings.get().folders;
    if (folders.some((folder) => folder.shared && this.folderSeen.get(folder.id)?.body !== JSON.stringify(sharedFolderBody(folder)))) return true;
    return [...this.folderSeen].some(([id, seen]) => !seen.removed && !folders.some((folder) => folder.id === id));
  }

  /** Sends local edits of shared folders (and their removal); a newer team version is left to the next pull. */
  private async pushFolders(): Promise<boolean> {
    const folders = this.deps.settings.get().folders;
    const changes = folders
      .filter((folder) => folder.shared)
      .map((folder) => ({ id: folder.id, body: JSON.stringify(sharedFolderBody(folder)), removed: false }))
      .filter((change) => this.folderSeen.get(change.id)?.body !== change.body);
    for (const [id, seen] of this.folderSeen) {
      if (!seen.removed && !folders.some((folder) => folder.id === id)) changes.push({ id, body: seen.body, removed: true });
    }
    for (const change of changes) {
      await this.deps.store.transaction(async (tx) => {
        await tx.presets.lock('folder', change.id);
        const latest = await tx.presets.latest('folder', change.id);
        const seen = this.folderSeen.get(change.id);
        // Someone saved a newer version since this instance last read it: theirs wins, pulled next.
        if (latest && seen && latest.version > seen.version) return;
        const version = (latest?.version ?? 0) + 1;
        await tx.presets.add({ kind: 'folder', presetId: change.id, version, body: JSON.parse(change.body) as unknown, removed: change.removed });
        this.folderSeen.set(change.id, { version, body: change.body, removed: change.removed });
      });
    }
    return false;
  }
}
