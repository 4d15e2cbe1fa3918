import { resolve, sep } from 'node:path';
import { watch } from 'chokidar';
import PQueue from 'p-queue';
import { BatchedIntakeWriter } from './batchedIntakeWriter';
import { FolderFilter } from './folderFilter';
import { FolderWatch } from './folderWatch';
import { networkShareOf } from './network/networkShare';
import type { OfflineIntake } from './offline/offlineIntake';
import { hashFile } from '../intake/hashFile';
import { intakeStableFile, type StableFile } from './intakeStableFile';
import { IntakeQueue, type Announcement } from './intakeQueue';
import { templateOutputFolders } from './outputFolders';
import { StabilityTracker } from './stabilityTracker';
import { sameSnapshot, type FileSnapshot } from '../intake/fileSnapshot';
import { errorCode } from './watchErrors';
import type {
  FolderStatus,
  HotFolderManagerOptions,
  WatchedFolderConfig,
  WatchEvent,
  WatchOrigin,
  WatchProfile,
} from './watchTypes';

/** Stable files being taken in at once (hashing is limited separately); bounds the size of one commit batch. */
const FILES_IN_FLIGHT = 256;

interface PendingContext {
  readonly folderId: string;
  readonly origin: WatchOrigin;
}

/**
 * Hot folders: watches any number of folders (chokidar, optionally polling), lets files settle, and turns each
 * stable new image into at most one job per (content hash, profile version). A reconcile scan at start, on demand
 * and on a timer catches what watchers miss; a vanished folder waits in standby and resumes by itself. Nothing
 * here throws at the host: problems become folder states and events.
 */
export class HotFolderManager {
  private readonly tracker: StabilityTracker<PendingContext>;
  private readonly intake: IntakeQueue;
  private readonly writer: BatchedIntakeWriter;
  private readonly hash: (path: string) => Promise<string>;
  private configs: readonly WatchedFolderConfig[] = [];
  private readonly folders = new Map<string, FolderWatch>();
  /** Per folder: output folders and nested watched folders inside its tree (read live by its filter). */
  private readonly excluded = new Map<string, readonly string[]>();
  private reconcileTimer: NodeJS.Timeout | undefined;
  private running = false;

  /** `offline`: keeps files found while the team database does not answer, and takes them in when it does (teams). */
  constructor(private readonly options: HotFolderManagerOptions & { readonly offline?: OfflineIntake }) {
    this.writer = new BatchedIntakeWriter(options.store);
    this.tracker = new StabilityTracker<PendingContext>({
      settleMs: options.settleMs ?? 2000,
      onStable: (path, snapshot, { folderId, origin }) => this.intake.push({ path, snapshot, folderId, origin }),
      onError: (path, error, { folderId }) => this.fileError(folderId, path, error),
    });
    const hashing = new PQueue({ concurrency: options.hashConcurrency ?? 8 });
    this.hash = (path) => hashing.add(() => hashFile(path));
    // Files past hashing wait for their batch's commit without holding a file open, so many of them can share
    // one fsync: a 10k-file start is disk-bound on commits, and bigger batches mean fewer of them.
    this.intake = new IntakeQueue(FILES_IN_FLIGHT, (file) => this.takeIn(file), (error, file) =>
      this.fileError(file.folderId, file.path, error),
    );
  }

  /**
   * Replaces the folder list. While running, only folders whose config changed are restarted; removed ones stop.
   * Resolves when those are started (watching with their first scan done) or stopped.
   */
  async setFolders(configs: readonly WatchedFolderConfig[]): Promise<void> {
    this.configs = configs.map((config) => ({ ...config, path: resolve(config.path) }));
    this.computeExclusions();
    const wanted = new Map(this.configs.map((config) => [config.id, config]));
    const changes: Promise<void>[] = [];
    for (const [id, folder] of this.folders) {
      const config = wanted.get(id);
      if (config && sameConfig(config, folder.config)) continue;
      this.folders.delete(id);
      changes.push(this.retire(folder));
    }
    await Promise.all(changes);
    if (this.running) await Promise.all(this.configs.filter((c) => !this.folders.has(c.id)).map((c) => this.launch(c)));
  }

  /** Starts every folder and the periodic reconcile; resolves when each is watching (first scan done) or parked. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const interval = this.options.reconcileIntervalMs ?? 5 * 60_000;
    this.reconcileTimer = setInterval(() => void this.reconcileAll(), interval);
    this.reconcileTimer.unref();
    await Promise.all(this.configs.filter((c) => !this.folders.has(c.id)).map((c) => this.launch(c)));
    // Files kept while the team database did not answer (before a restart too) go through intake once it does.
    this.options.offline?.start((file) => this.handBack(file));
  }

  /** Closes every watcher, clears every timer, waits for files being hashed; pending files are left to the next start's scan. */
  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.reconcileTimer);
    this.options.offline?.stop();
    const folders = [...this.folders.values()];
    this.folders.clear();
    this.tracker.clear();
    this.intake.discardAll();
    await Promise.all(folders.map((folder) => folder.stop()));
    await this.intake.idle();
  }

  /** How long a file must stay unchanged before it is taken; applies to files already waiting too. */
  setSettleMs(settleMs: number): void {
    this.tracker.setSettleMs(settleMs);
  }

  /** Scans every folder now (the host also calls this on resume from sleep); reopens folders in error. */
  async reconcileAll(): Promise<void> {
    this.computeExclusions();
    this.options.offline?.handBack((file) => this.handBack(file));
    await Promise.all([...this.folders.values()].map((folder) => folder.reconcile()));
  }

  /** Files found while the team database did not answer, kept in the data folder until it does. */
  keptFileCount(): number {
    return this.options.offline?.count ?? 0;
  }

  /** Each configured folder's state, in settings order. */
  statuses(): FolderStatus[] {
    return this.configs.map((config) => this.statusOf(config));
  }

  private launch(config: WatchedFolderConfig): Promise<void> {
    const filter = new FolderFilter(config.path, () => this.excluded.get(config.id) ?? []);
    const folder = new FolderWatch(config, {
      filter,
      standbyPollMs: this.options.standbyPollMs ?? 5000,
      pollingIntervalMs: this.options.pollingIntervalMs ?? 1000,
      watchFactory: this.options.watchFactory ?? watch,
      networkShare: this.options.networkShare ?? networkShareOf,
      profileProblem: () => this.profileProblem(config),
      observe: (path, snapshot, origin) => this.observe(config.id, path, snapshot, origin),
      isHandled: (path, snapshot) => this.isHandled(path, snapshot),
      forget: (path, isFolder) => this.forget(path, isFolder),
      stateChanged: () => this.emit({ kind: 'folder_status', status: this.statusOf(config) }),
      fileProblem: (path, error) => this.fileError(config.id, path, error),
      scanFinished: (files, queued) => this.emit({ kind: 'scan_finished', folderId: config.id, files, queued }),
    });
    this.folders.set(config.id, folder);
    return folder.start();
  }

  private async retire(folder: FolderWatch): Promise<void> {
    const id = folder.config.id;
    this.tracker.forgetWhere((_, context) => context.folderId === id);
    this.intake.discard(id);
    await folder.stop();
  }

  private observe(folderId: string, path: string, snapshot: FileSnapshot, origin: WatchOrigin): void {
    // A stat started before stop() may answer after it; a stopped manager tracks nothing.
    if (!this.running || this.folders.get(folderId)?.state === 'disabled') return;
    this.tracker.observe(path, snapshot, { folderId, origin });
  }

  private forget(path: string, isFolder: boolean): void {
    if (!isFolder) {
      this.tracker.forget(path);
      // Forget the row too: if the same bytes come back they are hashed again and the job key dedupes them.
      this.options.store.seenFiles.removeSeenFile(path).catch(() => undefined);
      this.options.offline?.taken(path).catch(() => undefined);
      return;
    }
    this.tracker.forgetWhere((pending) => pending.startsWith(path + sep));
  }

  private async isHandled(path: string, snapshot: FileSnapshot): Promise<boolean> {
    // The team database does not answer (asking would wait for it): what is kept here is handled for now.
    const offline = this.options.offline;
    if (offline?.keeping) return offline.isKept(path, snapshot);
    const ask = () => this.options.store.seenFiles.getSeenFile(path);
    const seen = await (offline ? offline.askWithoutWaiting(ask) : ask()).catch(() => undefined);
    return seen !== undefined && sameSnapshot(seen, snapshot);
  }

  /** A kept file back from the offline intake: into intake, unless no folder wants it any more. */
  private handBack(file: StableFile): void {
    if (this.configs.some((config) => config.id === file.folderId)) return this.intake.push(file);
    const offline = this.options.offline;
    offline?.settled(file.path);
    offline?.taken(file.path).catch(() => undefined);
  }

  /** Intake of one stable file; returns the event to announce once the file no longer counts as pending. */
  private async takeIn(file: StableFile): Promise<Announcement | undefined> {
    try {
      return await this.admit(file);
    } finally {
      this.options.offline?.settled(file.path);
    }
  }

  private async admit(file: StableFile): Promise<Announcement | undefined> {
    const folder = this.folders.get(file.folderId);
    if (!folder || folder.state === 'disabled' || folder.state === 'standby') return undefined;
    const { folderId, path } = file;
    const profile = this.resolveProfile(folder.config.profileId);
    if (!profile) {
      const message = this.profileProblem(folder.config) ?? '';
      return () => this.emit({ kind: 'file_error', folderId, path, message });
    }
    const offline = this.options.offline;
    if (offline?.keeping) {
      await offline.keep(file);
      return () => this.emit({ kind: 'kept_offline', folderId, path, kept: offline.count });
    }
    // Review first as the folder is set now (a change applies to the next file found, not to jobs already made).
    const reviewFirst = this.configs.find((config) => config.id === folderId)?.reviewFirst === true;
    const options = reviewFirst ? { reviewFirst, outputRoot: null } : undefined;
    const takeIn = () => intakeStableFile(file, profile, this.options.store, this.writer, this.hash, options);
    const attempt = offline ? await offline.takeInOrKeep(file, takeIn) : { kept: false as const, value: await takeIn() };
    if (attempt.kept) return () => this.emit({ kind: 'kept_offline', folderId, path, kept: offline?.count ?? 0 });
    const outcome = attempt.value;
    // Taken in (or gone): no longer kept. A changed file is kept until it settles again and is taken in.
    if (offline && outcome.kind !== 'changed') await offline.taken(path);
    switch (outcome.kind) {
      case 'changed':
        this.tracker.observe(path, outcome.snapshot, { folderId, origin: file.origin });
        return undefined;
      case 'job_created':
        return () => this.emit({ kind: 'job_created', folderId, path, job: outcome.job });
      case 'refused': {
        const { job, message } = outcome;
        return job ? () => this.emit({ kind: 'file_refused', folderId, path, job, message }) : undefined;
      }
      case 'duplicate':
        return () =>
          this.emit({
            kind: 'duplicate_ignored',
            folderId,
            path,
            contentHash: outcome.contentHash,
            existingJob: outcome.job,
            ...(outcome.skipped && { skippedJob: outcome.skipped }),
          });
      default:
        return undefined;
    }
  }

  private statusOf(config: WatchedFolderConfig): FolderStatus {
    const folder = this.folders.get(config.id);
    const pendingFiles = this.tracker.countWhere((_, context) => context.folderId === config.id) + this.intake.count(config.id);
    const state = folder ? folder.state : config.enabled ? 'standby' : 'disabled';
    const reason = folder ? folder.reason : config.enabled ? 'Not started.' : undefined;
    const method = folder?.state === 'watching' ? folder.method : undefined;
    return { folderId: config.id, path: config.path, state, ...(reason ? { reason } : {}), pendingFiles, ...(method && { method }) };
  }

  private resolveProfile(profileId: string): WatchProfile | undefined {
    return this.safely(() => this.options.resolveProfile(profileId));
  }

  private profileProblem(config: WatchedFolderConfig): string | undefined {
    if (this.resolveProfile(config.profileId)) return undefined;
    return `The folder's profile (${config.profileId}) no longer exists; choose another profile for it.`;
  }

  /**
   * Output folders of every folder's profile (another folder's outputs may land inside this tree) and nested
   * watched folders (a file belongs to its innermost folder), keeping for each folder only those strictly inside
   * its tree: never the folder itself or a parent, whatever a template says.
   */
  private computeExclusions(): void {
    const outputs = this.configs.flatMap((config) => {
      const profile = this.resolveProfile(config.profileId);
      return profile ? templateOutputFolders(config.path, profile) : [];
    });
    const roots = this.configs.filter((config) => config.enabled).map((config) => config.path);
    for (const config of this.configs) {
      const inside = [...outputs, ...roots].filter((folder) => folder.startsWith(config.path + sep));
      this.excluded.set(config.id, [...new Set(inside)]);
    }
  }

  private fileError(folderId: string, path: string, error: unknown): void {
    const code = errorCode(error);
    const message = error instanceof Error ? error.message : String(error);
    this.emit({ kind: 'file_error', folderId, path, message, ...(code ? { code } : {}) });
  }

  private emit(event: WatchEvent): void {
    // A listener's bug must not stop intake.
    this.safely(() => this.options.onEvent?.(event));
  }

  private safely<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch {
      return undefined;
    }
  }
}

function sameConfig(a: WatchedFolderConfig, b: WatchedFolderConfig): boolean {
  return a.path === b.path && a.profileId === b.profileId && a.enabled === b.enabled && a.recursive === b.recursive && a.polling === b.polling;
}
