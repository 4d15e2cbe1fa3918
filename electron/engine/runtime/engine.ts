import { SubjectDetector } from '../composition/detection';
import { SmartResizeError } from '../../domain/errors';
import type { FalCallTimeouts } from '../fal/falCallTimeouts';
import type { JobProgress, LostSubmitTiming } from '../jobs/jobRunnerTypes';
import { remakeWithMarks, type RemakeResult } from '../jobs/remakeWithMarks';
import { providerForJob } from '../jobs/sizeRouting';
import type { UserMarks } from '../composition/userMarks';
import { ProfileStore } from '../profiles';
import { BatchTracker } from '../queue/batchTracker';
import { OnlineMonitor } from '../queue/onlineMonitor';
import { Scheduler } from '../queue/scheduler';
import { FileFalKeyStore, type FalKeyStore } from '../settings/falKeyStore';
import type { OpenJsonFile } from '../settings/jsonFile';
import type { WatchedFolder } from '../settings/settingsSchema';
import { SettingsStore } from '../settings/settingsStore';
import { openJobStore, type JobStore } from '../store';
import { HotFolderManager } from '../watch/hotFolderManager';
import { enqueueDroppedPaths, type EnqueueResult } from './enqueuePaths';
import { EngineEvents } from './engineEvents';
import { FalAccess } from './falAccess';
import { createSpendParts, type SpendParts } from './spendParts';

/** How a host starts the engine. Everything but the data folder has a production default. */
export interface EngineOptions {
  readonly dataDir: string;
  /** The Electron host passes a safeStorage-backed store; others get a 0600 file in the data folder. */
  readonly keyStore?: FalKeyStore;
  /** How settings.json and profiles.json are opened: conf by default; the Electron host passes electron-store. */
  readonly jsonFiles?: OpenJsonFile;
  readonly env?: NodeJS.ProcessEnv;
  /** Send fal's hosts here (the fake fal server in tests, a self-hosted gateway). */
  readonly falHostOverride?: string;
  /** `local`: never call fal, whatever the settings (the `watch --provider local` option). */
  readonly forceProvider?: 'local';
  /** Folders to watch instead of the ones in settings (the `watch` command's single folder). */
  readonly folders?: readonly WatchedFolder[];
  readonly fetch?: typeof fetch;
  /** Timing knobs; tests shorten them. */
  readonly timing?: {
    readonly settleMs?: number;
    readonly pollIntervalMs?: number;
    readonly reconcileIntervalMs?: number;
    readonly standbyPollMs?: number;
    readonly offlineProbeMs?: number;
    readonly onlineProbeMs?: number;
    readonly tickMs?: number;
    /** How often held budget work is looked at again (day or month rolled over, money freed). */
    readonly budgetCheckMs?: number;
    /** Per-attempt timeouts of fal calls. */
    readonly falCallTimeouts?: Partial<FalCallTimeouts>;
    /** How long the request of a submit whose answer was lost is looked for in fal's history. */
    readonly lostSubmit?: Partial<LostSubmitTiming>;
  };
  readonly now?: () => number;
  /** Subject detection for the local engine and the auto policy; default: faces, objects and text in a worker. */
  readonly detector?: SubjectDetector;
}

/**
 * The whole product behind one object: stores, hot folders, the scheduler and fal access. The Electron main
 * process and the headless server each make one and bind the API contract to it; the CLI's `watch` uses it too.
 */
export class Engine {
  readonly events = new EngineEvents();
  readonly store: JobStore;
  readonly profiles: ProfileStore;
  readonly settings: SettingsStore;
  readonly keyStore: FalKeyStore;
  readonly fal: FalAccess;
  readonly online: OnlineMonitor;
  readonly scheduler: Scheduler;
  readonly folders: HotFolderManager;
  readonly spend: SpendParts;
  /** The batch the Queue page counts (N of M, elapsed, time left), kept from the stored events. */
  readonly batch: BatchTracker;
  private readonly detector: SubjectDetector;
  private readonly now: () => number;
  private budgetTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: EngineOptions) {
    const env = options.env ?? process.env;
    this.now = options.now ?? Date.now;
    this.detector = options.detector ?? new SubjectDetector();
    this.store = openJobStore(options.dataDir, { now: this.now });
    // Every committed change reaches the hosts at once, pushed by the store: nothing polls the event log.
    this.store.subscribe((event) => this.events.emit('stored', event));
    this.profiles = new ProfileStore({ dataDir: options.dataDir, openFile: options.jsonFiles });
    this.settings = new SettingsStore(options.dataDir, options.jsonFiles);
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
      deps: {
        store: this.store,
        profileVersion: (id, version) => this.profiles.get(id, version),
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
      onEvent: (event) => {
        if (event.kind === 'folder_status') this.events.emit('folder', event.status);
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
    await this.online.start();
    await this.scheduler.start();
    await this.spend.checkHeldWork();
    this.budgetTimer = setInterval(() => void this.spend.checkHeldWork().catch(() => undefined), this.options.timing?.budgetCheckMs ?? 60_000);
    this.budgetTimer.unref();
    this.folders.setFolders(this.watchedFolders());
    await this.folders.start();
  }

  /** Stops watching and dispatching; running jobs are handed back to the queue and resume at the next start. */
  async stop(): Promise<void> {
    clearInterval(this.budgetTimer);
    await this.folders.stop();
    await this.scheduler.stop();
    this.online.stop();
    await this.store.close();
    await this.detector.close();
  }

  /** Files and folders dropped on the window (or uploaded to the headless inbox), queued with a profile. */
  async enqueuePaths(paths: readonly string[], profileId: string): Promise<EnqueueResult> {
    const profile = this.profiles.get(profileId);
    const provider = providerForJob(profile, this.fal.client() !== undefined);
    return enqueueDroppedPaths(this.store, paths, profile, provider, () => this.scheduler.pump());
  }

  /** Re-reads the folder list from settings (after an add, edit or removal) and applies it to the watchers. */
  applyFolderSettings(): void {
    this.folders.setFolders(this.watchedFolders());
  }

  /** The host's network and power signals (Electron `net`, `powerMonitor`): resume also rescans the folders. */
  hostSignal(kind: 'online' | 'offline' | 'resume'): void {
    this.online.hostSignal(kind);
    if (kind === 'resume') void this.folders.reconcileAll();
  }

  /** A user's retry of a failed or cancelled job. */
  async retry(jobId: string): Promise<void> {
    await this.store.jobs.retry(jobId);
    this.scheduler.pump();
  }

  /** "Make anyway": a skipped copy becomes a paid job. */
  async makeAnyway(jobId: string): Promise<void> {
    await this.store.jobs.makeAnyway(jobId);
    this.scheduler.pump();
  }

  /** A user's cancel: the job stops, and fal is told to cancel its live requests. */
  async cancel(jobId: string): Promise<void> {
    await this.scheduler.cancel(jobId);
  }

  /** Sets the focal point and keep boxes of a job's source and makes its local sizes again with them (free). */
  async setJobMarks(jobId: string, marks: UserMarks): Promise<RemakeResult> {
    return remakeWithMarks(this.scheduler.runnerDeps(), jobId, marks);
  }

  private watchedFolders(): WatchedFolder[] {
    return [...(this.options.folders ?? this.settings.get().folders)];
  }

  private folderById(folderId: string | null): { path: string } | undefined {
    if (folderId === null) return undefined;
    const folder = this.watchedFolders().find((candidate) => candidate.id === folderId);
    if (!folder) throw new SmartResizeError('invalid_settings', `The watched folder of this job (${folderId}) no longer exists.`);
    return { path: folder.path };
  }
}
