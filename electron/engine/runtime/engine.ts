import type { PauseCause } from '../../domain/pauseCauses';
import type { ApiHandlers } from '../../shared/contract/types';
import type { ApiEvent } from '../../shared/schemas/events';
import { createEngineApi, type EngineApiOptions } from '../api/engineApi';
import { bridgeEngineEvents } from '../api/engineEventBridge';
import { discardStaleUploads, STALE_UPLOAD_MS, type DiscardedUploads } from '../api/discardUploads';
import type { HostServices } from '../api/hostServices';
import { SubjectDetector } from '../composition/detection';
import { warmUpBackdropThreads } from '../composition/fills';
import { SmartResizeError } from '../../domain/errors';
import type { JobProgress } from '../jobs/jobRunnerTypes';
import { remakeWithMarks, type RemakeResult } from '../jobs/remakeWithMarks';
import { FalReruns } from '../review/falReruns';
import type { FalRerunResult } from '../review/rerunAtFal';
import { providerForJob } from '../jobs/sizeRouting';
import type { UserMarks } from '../composition/userMarks';
import { ProfileStore } from '../profiles';
import { TeamPresets } from '../profiles/team/teamPresets';
import { BatchTracker } from '../queue/batchTracker';
import { OnlineMonitor } from '../queue/onlineMonitor';
import { Scheduler, type QueueStatus } from '../queue/scheduler';
import { FileFalKeyStore, type FalKeyStore } from '../settings/falKeyStore';
import type { Settings, SettingsPatch, WatchedFolder } from '../settings/settingsSchema';
import { SettingsStore } from '../settings/settingsStore';
import { isPostgresUrl, openStore, type JobOptions, type JobStore } from '../store';
import { HotFolderManager } from '../watch/hotFolderManager';
import type { FolderStatus } from '../watch/watchTypes';
import { offlineIntakeFor, onTeamDatabaseNews } from '../watch/offline/offlineIntakeFor';
import { applySettingsChange } from './applySettingsChange';
import { enqueueDroppedPaths, type EnqueueResult } from './enqueuePaths';
import { decideSizes, type SizesDecided } from '../jobs/decideSizes';
import { EngineEvents } from './engineEvents';
import type { EngineParts, EngineUseCases } from './engineParts';
import { FalAccess } from './falAccess';
import type { EngineOptions } from './engineOptions';
import { createSpendParts, type SpendParts } from './spendParts';
import { selectInstance, selectStore, type InstanceSelection, type StoreSelection } from './storeSelection';

export type { EngineOptions } from './engineOptions';

/**
 * The whole product behind one object: a facade of use cases (queue files, retry, cancel, pause with a cause, set the
 * key, change settings) over private parts (the job store, hot folders, the scheduler, fal access, spend policy).
 * The Electron main process and the headless server each make one and bind the API contract to `api()`; the tray
 * and the CLI call the same handlers or use cases, never the parts.
 */
export class Engine implements EngineUseCases {
  /** What the engine tells its hosts: committed store changes, progress, queue, folder and notice events. */
  readonly events = new EngineEvents();
  // The parts, private (issue 11): hosts, the tray, the CLI and tests go through the use cases below and api().
  private readonly store: JobStore;
  private readonly storeSelection: StoreSelection;
  private readonly instanceSelection: InstanceSelection;
  private readonly profiles: ProfileStore;
  private readonly settings: SettingsStore;
  private readonly keyStore: FalKeyStore;
  private readonly fal: FalAccess;
  private readonly online: OnlineMonitor;
  private readonly scheduler: Scheduler;
  private readonly folders: HotFolderManager;
  private readonly spend: SpendParts;
  private readonly batch: BatchTracker;
  /** The team's shared profiles and folders (PostgreSQL store only). */
  private readonly presets: TeamPresets;
  private readonly detector: SubjectDetector;
  private readonly now: () => number;
  private budgetTimer: NodeJS.Timeout | undefined;
  private partsView: EngineParts | undefined;
  /** One-size re-runs at fal: the job runner's fal path for a finished job (review/rerunAtFal). */
  private readonly falReruns = new FalReruns(() => ({ ...this.scheduler.runnerDeps(), dataDir: this.options.dataDir }));

  constructor(private readonly options: EngineOptions) {
    const env = options.env ?? process.env;
    this.now = options.now ?? Date.now;
    this.detector = options.detector ?? new SubjectDetector();
    this.settings = new SettingsStore(options.dataDir, options.jsonFiles);
    // The Settings choice of store, below --store and SMART_RESIZE_STORE. A damaged settings file is reported by
    // every later use; here it only means no store setting.
    let storeSetting: string | undefined;
    let instanceSetting: string | undefined;
    try {
      ({ store: storeSetting, instanceName: instanceSetting } = this.settings.get());
    } catch {
      storeSetting = undefined;
    }
    this.storeSelection = selectStore(options.store, env.SMART_RESIZE_STORE, storeSetting);
    this.instanceSelection = selectInstance(options.instance, env.SMART_RESIZE_INSTANCE, instanceSetting);
    const storeChoice = this.storeSelection.store;
    this.store = options.openedStore ?? openStore({
      dataDir: options.dataDir,
      store: storeChoice,
      now: this.now,
      instance: this.instanceSelection.name,
      leaseMs: env.SMART_RESIZE_LEASE_MS ? Number(env.SMART_RESIZE_LEASE_MS) : undefined,
    });
    // Every committed change reaches the hosts at once, pushed by the store: nothing polls the event log.
    this.store.subscribe((event) => this.events.emit('stored', event));
    this.profiles = new ProfileStore({ dataDir: options.dataDir, openFile: options.jsonFiles });
    this.presets = new TeamPresets({
      store: this.store,
      profiles: this.profiles,
      settings: this.settings,
      enabled: isPostgresUrl(storeChoice),
      pollMs: options.timing?.presetPollMs,
      onFoldersChanged: () => this.applyFolderSettings(),
    });
    this.spend = createSpendParts({
      store: this.store,
      now: this.now,
      settings: () => this.settings.get(),
      saveBudget: (patch) => this.settings.update(patch),
      profileVersion: (id, version) => this.profiles.get(id, version),
      folder: (folderId) => this.watchedFolders().find((folder) => folder.id === folderId),
      wake: () => this.scheduler.pump(),
      cancel: (jobId) => this.cancel(jobId),
      notify: (kind, message, folderId) => this.events.emit('notice', { kind, level: 'warning', message, ...(folderId !== undefined && { folderId }) }),
    });
    this.keyStore = options.keyStore ?? new FileFalKeyStore(options.dataDir);
    const timing = options.timing ?? {};
    this.fal = new FalAccess({
      keyStore: this.keyStore,
      env,
      proxyUrl: () => this.settings.get().falProxyUrl,
      hostOverride: options.falHostOverride,
      localOnly: () => (options.forceProvider === 'local' ? 'forced_local' : this.settings.get().defaultProvider === 'local' ? 'provider_local' : undefined),
      fetch: options.fetch,
      calls: {
        callTimeouts: timing.falCallTimeouts,
        // A failed fal connection is news at once, not after the client's own retries (up to 31 s).
        networkObserver: { unreachable: () => this.online.reportOffline(), suspect: () => this.online.suspect() },
      },
    });
    const settingsOf = () => this.settings.get();
    this.online = new OnlineMonitor({
      probeUrl: () => this.fal.probeUrl(),
      fetch: options.fetch,
      offlineIntervalMs: timing.offlineProbeMs,
      onlineIntervalMs: timing.onlineProbeMs,
    });
    this.scheduler = new Scheduler({
      online: this.online,
      falInUse: () => this.fal.client() !== undefined,
      concurrency: this.settings.get().concurrency,
      tickMs: timing.tickMs,
      onStatus: (status) => this.events.emit('queue', status),
      profileIds: () => this.profiles.knownIds(),
      folderIds: () => this.watchedFolders().map((folder) => folder.id),
      deps: {
        store: this.store,
        dataDir: options.dataDir,
        profileVersion: (id, version) => this.profiles.get(id, version),
        profileReady: (id, version) => this.presets.ensureProfileVersion(id, version),
        folderPlacement: (folderId) => this.folderById(folderId),
        falClient: () => this.fal.client(),
        localOnlyReason: () => this.fal.localOnlyReason(),
        fetch: options.fetch ?? fetch,
        // Read when each job starts, so a changed pixel limit applies to the next job.
        get decode() {
          return { limitInputPixels: settingsOf().pixelLimit };
        },
        detector: this.detector,
        budget: this.spend.admission,
        spend: this.spend.recorder,
        pollIntervalMs: timing.pollIntervalMs,
        falDeadlineCeilingMs: () => this.settings.get().falDeadlineSeconds * 1000,
        lostSubmit: timing.lostSubmit,
        onProgress: (progress: JobProgress) => this.events.emit('progress', progress),
        onOffline: () => this.online.reportOffline(),
        now: this.now,
      },
    });
    this.folders = new HotFolderManager({
      store: this.store,
      resolveProfile: (profileId) => {
        const profile = this.profiles.find(profileId);
        if (!profile) return undefined;
        return { ...profile, provider: providerForJob(profile, this.fal.client() !== undefined) };
      },
      settleMs: timing.settleMs ?? this.settings.get().settleMs,
      reconcileIntervalMs: timing.reconcileIntervalMs,
      standbyPollMs: timing.standbyPollMs,
      offline: offlineIntakeFor(this.store, options.dataDir),
      onEvent: (event) => {
        if (event.kind === 'folder_status') this.events.emit('folder', event.status);
        // The Queue page's store note counts the files kept here while the team database does not answer.
        if (event.kind === 'kept_offline') this.events.emit('queue', this.scheduler.status());
        if (event.kind === 'file_error' || event.kind === 'file_refused') this.events.emit('notice', { kind: 'file', level: 'warning', message: event.message, folderId: event.folderId, path: event.path });
        if (event.kind === 'job_created') {
          // Before the pump: a burst's jobs go to waiting_budget before the scheduler looks for work (one it claims
          // meanwhile is held at its budget check instead).
          void this.spend.burstGate
            .jobCreated(event.job)
            .catch(() => undefined)
            .finally(() => this.scheduler.pump());
        }
      },
    });
    onTeamDatabaseNews(this.store, () => this.folders.keptFileCount(), (message) => {
      this.events.emit('notice', { kind: 'store', level: 'warning', message });
      this.events.emit('queue', this.scheduler.status());
    });
    this.batch = new BatchTracker(this.now);
    // Seeded with the unfinished jobs and subscribed in one transaction: every commit is either before it (counted
    // in the seed) or after it (observed), so no job is counted twice or missed.
    void this.store
      .transaction(async (tx) => {
        this.batch.resume(await tx.history.countByState());
        this.events.on('stored', (event) => this.batch.observe(event));
      })
      .catch(() => undefined);
  }

  /** Starts probing, dispatching and watching. Jobs a previous run left mid-flight are recovered first. */
  async start(): Promise<void> {
    // First, so the models load while the rest starts and before the first job asks for a detection (and the
    // backdrop threads before the first padded render).
    if (this.options.warmDetector) {
      void this.detector.warmUp();
      void warmUpBackdropThreads();
    }
    await this.online.start();
    await this.scheduler.start();
    void this.falReruns.resume();
    await this.spend.checkHeldWork();
    // The team's shared profiles and folders arrive in the background: a database away does not hold the start.
    this.presets.start();
    this.budgetTimer = setInterval(() => void this.spend.checkHeldWork().catch(() => undefined), this.options.timing?.budgetCheckMs ?? 60_000);
    this.budgetTimer.unref();
    this.folders.setFolders(this.watchedFolders());
    await this.folders.start();
  }

  /** Stops watching and dispatching; running jobs are handed back to the queue and resume at the next start. */
  async stop(): Promise<void> {
    clearInterval(this.budgetTimer);
    this.presets.stop();
    await this.folders.stop();
    await this.scheduler.stop();
    await this.falReruns.stop();
    this.online.stop();
    await this.store.close();
    await this.detector.close();
  }

  /**
   * The API contract's handlers over this engine, for a host to bind (IPC, HTTP) and to call itself (the tray).
   * `host` is what only the host can do (file manager, dialogs, where the key is kept).
   */
  api(host: HostServices, options: EngineApiOptions = {}): ApiHandlers {
    return createEngineApi(this.parts(), host, options);
  }

  /** Sends the engine's events as the contract's events (job, queue, folder changes, notices); returns a detach. */
  bridgeEvents(emit: (event: ApiEvent) => void, queueIntervalMs?: number): () => void {
    return bridgeEngineEvents(this.parts(), emit, queueIntervalMs);
  }

  async enqueuePaths(paths: readonly string[], profileId: string, origin: 'drop' | 'upload' = 'drop', options?: JobOptions): Promise<EnqueueResult> {
    const profile = this.profiles.get(profileId);
    const provider = providerForJob(profile, this.fal.client() !== undefined);
    return enqueueDroppedPaths(this.store, paths, profile, provider, () => this.scheduler.pump(), origin, options);
  }

  async decideSizes(jobId: string, decision: 'approved' | 'declined', sizes?: readonly string[]): Promise<SizesDecided> {
    const result = await decideSizes(this.store, jobId, decision, sizes);
    if (result.job.state === 'queued') this.scheduler.pump();
    return result;
  }

  async retry(jobId: string): Promise<void> {
    await this.store.jobs.retry(jobId);
    this.scheduler.pump();
  }

  async cancel(jobId: string): Promise<void> {
    await this.scheduler.cancel(jobId);
  }

  pause(cause: PauseCause): void {
    this.scheduler.pause(cause);
  }

  resume(): void {
    this.scheduler.resume();
  }

  setFalKey(key: string): void {
    this.keyStore.write(key);
    // A new key may fix a "bad key" pause (the next refusal pauses again if not); the person's own pause stays.
    this.scheduler.liftPause('auth');
  }

  clearFalKey(): void {
    this.keyStore.clear();
  }

  updateSettings(patch: SettingsPatch): Settings {
    const before = this.settings.get();
    const saved = this.settings.update(patch);
    applySettingsChange(this.parts(), before, saved);
    return saved;
  }

  /** The scheduler's state as of now: running, paused (with its cause) or offline, jobs running, concurrency. */
  queueStatus(): QueueStatus {
    return this.scheduler.status();
  }

  /** Each watched folder's live state (watching, standby with its reason, files settling). */
  folderStatuses(): FolderStatus[] {
    return this.folders.statuses();
  }

  /** Looks at every watched folder again now (what a wake from sleep does), resolving once the scan is done. */
  async rescanFolders(): Promise<void> {
    await this.folders.reconcileAll();
  }

  /** Removes uploads in a host's inbox that no drop queued and no page came back for within `olderThanMs`. */
  discardStaleUploads(inboxDir: string, olderThanMs = STALE_UPLOAD_MS): Promise<DiscardedUploads> {
    return discardStaleUploads(this.parts(), inboxDir, { olderThanMs, now: this.now() });
  }

  /** Where the jobs are kept, for a host to print (the SQLite file, or the team database). */
  storePath(): string {
    return this.store.path;
  }

  /** The saved settings as they are now (a host's close-to-tray and login item read them when they act). */
  settingsNow(): Settings {
    return this.settings.get();
  }

  applyFolderSettings(): void {
    this.folders.setFolders(this.watchedFolders());
  }

  /** The host's network and power signals (Electron `net`, `powerMonitor`): resume also rescans the folders. */
  hostSignal(kind: 'online' | 'offline' | 'resume'): void {
    this.online.hostSignal(kind);
    if (kind === 'resume') void this.folders.reconcileAll();
  }

  async makeAnyway(jobId: string): Promise<void> {
    await this.store.jobs.makeAnyway(jobId);
    this.scheduler.pump();
  }

  async setJobMarks(jobId: string, marks: UserMarks): Promise<RemakeResult> {
    return remakeWithMarks({ ...this.scheduler.runnerDeps(), dataDir: this.options.dataDir }, jobId, marks);
  }

  async rerunSizeAtFal(jobId: string, size: string): Promise<FalRerunResult> {
    return this.falReruns.run(jobId, size);
  }

  /** The watched folders: the settings' list, or the folders the engine was started with (the `watch` command). */
  watchedFolders(): WatchedFolder[] {
    return [...(this.options.folders ?? this.settings.get().folders)];
  }

  /** The parts and use cases, for the engine's own API side only. */
  private parts(): EngineParts {
    this.partsView ??= {
      dataDir: this.options.dataDir,
      events: this.events,
      store: this.store,
      storeSelection: this.storeSelection,
      instanceSelection: this.instanceSelection,
      profiles: this.profiles,
      settings: this.settings,
      keyStore: this.keyStore,
      fal: this.fal,
      online: this.online,
      scheduler: this.scheduler,
      folders: this.folders,
      spend: this.spend,
      batch: this.batch,
      presets: this.presets,
      enqueuePaths: (paths, profileId, origin, options) => this.enqueuePaths(paths, profileId, origin, options),
      decideSizes: (jobId, decision, sizes) => this.decideSizes(jobId, decision, sizes),
      retry: (jobId) => this.retry(jobId),
      makeAnyway: (jobId) => this.makeAnyway(jobId),
      setJobMarks: (jobId, marks) => this.setJobMarks(jobId, marks),
      rerunSizeAtFal: (jobId, size) => this.rerunSizeAtFal(jobId, size),
      cancel: (jobId) => this.cancel(jobId),
      pause: (cause) => this.pause(cause),
      resume: () => this.resume(),
      setFalKey: (key) => this.setFalKey(key),
      clearFalKey: () => this.clearFalKey(),
      updateSettings: (patch) => this.updateSettings(patch),
      applyFolderSettings: () => this.applyFolderSettings(),
    };
    return this.partsView;
  }

  private folderById(folderId: string | null): { path: string } | undefined {
    if (folderId === null) return undefined;
    const folder = this.watchedFolders().find((candidate) => candidate.id === folderId);
    if (!folder) throw new SmartResizeError('invalid_settings', `The watched folder of this job (${folderId}) no longer exists.`);
    return { path: folder.path };
  }
}
