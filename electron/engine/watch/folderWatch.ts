import type { Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import type { FSWatcher, watch } from 'chokidar';
import type { FolderFilter } from './folderFilter';
import { RawFileEvents } from './rawFileEvents';
import { scanFolder } from './reconcileScan';
import { isGoneError, type FileSnapshot } from '../intake/fileSnapshot';
import { describeWatchError, isWatchLimitError } from './watchErrors';
import type { FolderState, WatchedFolderConfig, WatchOrigin } from './watchTypes';
import type { NetworkShareProbe } from './network/networkShare';
import type { WatchMethod } from '../../domain/watchMethods';

/** What a FolderWatch needs from the manager. */
export interface FolderWatchDeps {
  readonly filter: FolderFilter;
  readonly standbyPollMs: number;
  readonly pollingIntervalMs: number;
  readonly watchFactory: typeof watch;
  /** The network filesystem the folder lies on, if any: with `polling` unset, such a folder is polled. */
  readonly networkShare: NetworkShareProbe;
  /** The folder's profile is missing (checked before watching): the reason to show, else undefined. */
  readonly profileProblem: () => string | undefined;
  /** A file was added or changed (watcher) or found (scan). */
  readonly observe: (path: string, snapshot: FileSnapshot, origin: WatchOrigin) => void;
  /** seen_files already has this path with this size and mtime. */
  readonly isHandled: (path: string, snapshot: FileSnapshot) => Promise<boolean>;
  /** A file, or a whole sub-folder, went away: stop waiting for it. */
  readonly forget: (path: string, isFolder: boolean) => void;
  readonly stateChanged: () => void;
  readonly fileProblem: (path: string, error: unknown) => void;
  readonly scanFinished: (files: number, queued: number) => void;
}

/**
 * One hot folder's lifecycle: a chokidar watcher while the folder is there, standby (watcher closed, the path
 * polled) while it is gone, and back to watching with a reconcile scan when it returns. Every transition and scan
 * runs on one promise chain, so a presence check never races a scan or a restart. Never throws out: problems
 * become the folder's state and reason.
 */
export class FolderWatch {
  state: FolderState = 'disabled';
  reason: string | undefined;
  /** How the open watcher learns of files; undefined while none is open. */
  method: WatchMethod | undefined;
  private watcher: FSWatcher | undefined;
  /** dev:ino of the folder being watched: a different folder at the same path needs a new watcher. */
  private identity: string | undefined;
  private chain: Promise<void> = Promise.resolve();
  private presenceTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Set by a limit error of the current watcher: it stays open but is incomplete. */
  private limitProblem: string | undefined;

  constructor(
    readonly config: WatchedFolderConfig,
    private readonly deps: FolderWatchDeps,
  ) {}

  /** Resolves once the folder is watched and its first scan is done, or it is in standby, error or disabled. */
  start(): Promise<void> {
    if (!this.config.enabled) return this.serial(async () => this.setState('disabled'));
    this.presenceTimer = setInterval(() => void this.checkPresence(), this.deps.standbyPollMs);
    this.presenceTimer.unref();
    return this.serial(() => this.open());
  }

  /** Closes the watcher and the poll timer; resolves when a running scan has stopped too. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.presenceTimer);
    await this.serial(() => this.closeWatcher(), true);
  }

  /** Scans the folder now; a folder in error is reopened (a raised inotify limit, permissions fixed). */
  reconcile(): Promise<void> {
    return this.serial(async () => {
      if (this.state === 'error' || (this.state === 'standby' && (await this.isPresent()))) return this.reopen();
      if (this.watcher) await this.scan();
    });
  }

  /** Is the folder still the one being watched; is a missing one back? */
  checkPresence(): Promise<void> {
    return this.serial(async () => {
      if (this.state === 'disabled') return;
      const present = await this.isPresent();
      if (this.state === 'watching' && !present) return this.goStandby();
      // A watcher left open by a limit error is retried by reconcile(), not every poll.
      const couldResume = this.state === 'standby' || (this.state === 'error' && !this.watcher);
      if (couldResume && present && !this.deps.profileProblem()) return this.reopen();
    });
  }

  private serial(step: () => Promise<void>, evenIfStopped = false): Promise<void> {
    const next = this.chain.then(() => (this.stopped && !evenIfStopped ? undefined : step()));
    this.chain = next.catch(() => undefined);
    return this.chain;
  }

  private async open(): Promise<void> {
    const profileProblem = this.deps.profileProblem();
    if (profileProblem) return this.setState('error', profileProblem);
    let stats: Stats;
    try {
      stats = await stat(this.config.path);
    } catch (error) {
      if (isGoneError(error)) return this.setState('standby', 'The folder is not there (drive unplugged or share lost?); waiting for it to return.');
      return this.setState('error', describeWatchError(error, this.config.path));
    }
    if (!stats.isDirectory()) return this.setState('error', `${this.config.path} is not a folder.`);
    this.identity = `${stats.dev}:${stats.ino}`;
    const share = await this.deps.networkShare(this.config.path);
    const chosen = this.config.polling;
    this.method = chosen === true ? 'polling' : chosen === null && share !== undefined ? 'network_polling' : 'events';
    await this.openWatcher();
    if (this.stopped) return;
    // Polling turned off on a share: other machines' files are still found, by the periodic scan.
    const eventsOnShare = share !== undefined && chosen === false
      ? `This folder is on a network share (${share}) and polling is off: files other computers add are found by the scan every few minutes.`
      : undefined;
    this.setState(this.limitProblem ? 'error' : 'watching', this.limitProblem ?? eventsOnShare);
    await this.scan();
  }

  private async openWatcher(): Promise<void> {
    const { filter } = this.deps;
    const { recursive } = this.config;
    const polling = this.method !== 'events';
    this.limitProblem = undefined;
    const watcher = this.deps.watchFactory(filter.root, {
      // Natively chokidar watches folders only and files are followed through raw events; polling needs
      // chokidar's per-file polls, since a share sends no events at all.
      ignored: filter.chokidarIgnored(!polling),
      // The reconcile scan reports what is already there, with our own stability check.
      ignoreInitial: true,
      // Not alwaysStat: chokidar would stat every entry each time it re-reads a folder.
      alwaysStat: false,
      depth: recursive ? undefined : 0,
      usePolling: polling,
      interval: this.deps.pollingIntervalMs,
      binaryInterval: this.deps.pollingIntervalMs,
      followSymlinks: false,
    });
    this.watcher = watcher;
    if (polling) {
      const onFile = (path: string, stats?: Stats) => this.onFileEvent(path, stats);
      watcher.on('add', onFile);
      watcher.on('change', onFile);
      watcher.on('unlink', (path) => this.deps.forget(path, false));
    } else {
      const raw = new RawFileEvents(filter, {
        present: (path, snapshot) => this.watcher === watcher && this.deps.observe(path, snapshot, 'folder'),
        gone: (path) => this.watcher === watcher && this.deps.forget(path, false),
      });
      watcher.on('raw', (_event, name, details) => raw.handle(name, details));
      // Files written into a new folder before its watch existed sent no event: list them once.
      if (recursive) watcher.on('addDir', (path) => path !== filter.root && void this.scanNewFolder(path));
    }
    watcher.on('unlinkDir', (path) => {
      if (path === filter.root) void this.checkPresence();
      else this.deps.forget(path, true);
    });
    watcher.on('error', (error) => this.onWatcherError(error));
    await new Promise<void>((resolve) => watcher.once('ready', resolve));
  }

  private onFileEvent(path: string, stats?: Stats): void {
    if (stats) {
      if (stats.isFile()) this.deps.observe(path, { size: stats.size, mtimeMs: stats.mtimeMs }, 'folder');
      return;
    }
    // lstat: a symlink is not a file of this folder (it may point anywhere on the disk), as in the reconcile scan.
    lstat(path).then(
      (fresh) => fresh.isFile() && this.deps.observe(path, { size: fresh.size, mtimeMs: fresh.mtimeMs }, 'folder'),
      (error: unknown) => !isGoneError(error) && this.deps.fileProblem(path, error),
    );
  }

  private async scanNewFolder(folder: string): Promise<void> {
    await scanFolder({
      filter: this.deps.filter,
      from: folder,
      recursive: false,
      onFile: async (path, snapshot) => {
        if (!(await this.deps.isHandled(path, snapshot))) this.deps.observe(path, snapshot, 'folder');
      },
    }).catch(() => undefined); // Gone again already: nothing to list.
  }

  private onWatcherError(error: unknown): void {
    // Out of inotify watches or file handles: changes may go unseen, so say so; the periodic scan still runs.
    const reason = describeWatchError(error, this.config.path);
    if (isWatchLimitError(error)) this.limitProblem = reason;
    // Before 'ready' the state is set once the watcher is up; after it, show the problem now.
    if (this.state === 'watching' || this.state === 'error') this.setState(this.limitProblem ? 'error' : this.state, reason);
    void this.checkPresence();
  }

  private async scan(): Promise<void> {
    let queued = 0;
    try {
      const files = await scanFolder({
        filter: this.deps.filter,
        recursive: this.config.recursive,
        cancelled: () => this.stopped || this.watcher === undefined,
        onProblem: (path, error) => this.deps.fileProblem(path, error),
        onFile: async (path, snapshot) => {
          if (await this.deps.isHandled(path, snapshot)) return;
          queued += 1;
          this.deps.observe(path, snapshot, 'reconcile');
        },
      });
      this.deps.scanFinished(files, queued);
    } catch (error) {
      if (isGoneError(error)) await this.goStandby();
      else this.setState('error', describeWatchError(error, this.config.path));
    }
  }

  private async isPresent(): Promise<boolean> {
    try {
      const stats = await stat(this.config.path);
      if (!stats.isDirectory()) return false;
      // Same path, different folder (renamed away and replaced): treat as gone so the watcher is rebuilt.
      return this.state !== 'watching' || this.identity === `${stats.dev}:${stats.ino}`;
    } catch {
      return false;
    }
  }

  private async goStandby(): Promise<void> {
    await this.closeWatcher();
    this.deps.forget(this.deps.filter.root, true);
    this.setState('standby', 'The folder is not there (drive unplugged or share lost?); waiting for it to return.');
  }

  private async reopen(): Promise<void> {
    await this.closeWatcher();
    if (!this.stopped) await this.open();
  }

  private async closeWatcher(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = undefined;
    this.method = undefined;
    await watcher?.close();
  }

  private setState(state: FolderState, reason?: string): void {
    if (state === this.state && reason === this.reason) return;
    this.state = state;
    this.reason = reason;
    this.deps.stateChanged();
  }
}
