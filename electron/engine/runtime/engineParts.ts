import type { PauseCause } from '../../domain/pauseCauses';
import type { UserMarks } from '../composition/userMarks';
import type { RemakeResult } from '../jobs/remakeWithMarks';
import type { FalRerunResult } from '../review/rerunAtFal';
import type { ProfileStore } from '../profiles';
import type { TeamPresets } from '../profiles/team/teamPresets';
import type { BatchTracker } from '../queue/batchTracker';
import type { OnlineMonitor } from '../queue/onlineMonitor';
import type { Scheduler } from '../queue/scheduler';
import type { FalKeyStore } from '../settings/falKeyStore';
import type { Settings, SettingsPatch } from '../settings/settingsSchema';
import type { SettingsStore } from '../settings/settingsStore';
import type { JobOptions, JobStore } from '../store';
import type { SizesDecided } from '../jobs/decideSizes';
import type { HotFolderManager } from '../watch/hotFolderManager';
import type { EngineEvents } from './engineEvents';
import type { EnqueueResult } from './enqueuePaths';
import type { FalAccess } from './falAccess';
import type { SpendParts } from './spendParts';
import type { InstanceSelection, StoreSelection } from './storeSelection';

/**
 * The engine's use cases: what a person (through the UI, the tray or the CLI) asks of it. The Engine offers them,
 * and the API handlers call the same ones, so a host never needs the engine's parts.
 */
export interface EngineUseCases {
  /**
   * Files and folders dropped on the window (`drop`, the default) or uploaded to the headless inbox (`upload`),
   * queued with a profile (review first, or the batch's own output folder, in `options`).
   */
  enqueuePaths(paths: readonly string[], profileId: string, origin?: 'drop' | 'upload', options?: JobOptions): Promise<EnqueueResult>;
  /** The person's approval or refusal of a review-first job's paid sizes (all pending, or `sizes`). */
  decideSizes(jobId: string, decision: 'approved' | 'declined', sizes?: readonly string[]): Promise<SizesDecided>;
  /** A user's retry of a failed or cancelled job. */
  retry(jobId: string): Promise<void>;
  /** "Make anyway": a skipped copy becomes a paid job. */
  makeAnyway(jobId: string): Promise<void>;
  /** Sets the focal point and keep boxes of a job's source and makes its local sizes again with them (free). */
  setJobMarks(jobId: string, marks: UserMarks): Promise<RemakeResult>;
  /** Makes one size of a finished job again at fal (budget-checked, charged once, a new version); the others stay. */
  rerunSizeAtFal(jobId: string, size: string): Promise<FalRerunResult>;
  /** A user's cancel: the job stops, and fal is told to cancel its live requests. */
  cancel(jobId: string): Promise<void>;
  /** Stops starting new jobs, for a cause (the person, a refused key, the budget...). */
  pause(cause: PauseCause): void;
  /** The person's resume: lifts every pause. */
  resume(): void;
  /** Stores a fal key; a pause fal caused by refusing the old key is lifted (the person's own pause stays). */
  setFalKey(key: string): void;
  /** Forgets the stored fal key. */
  clearFalKey(): void;
  /** Saves a settings change and puts it to work in the running engine; answers the saved settings. */
  updateSettings(patch: SettingsPatch): Settings;
  /** Re-reads the folder list from settings (after an add, edit or removal) and applies it to the watchers. */
  applyFolderSettings(): void;
}

/**
 * What the engine is made of, for its own API side (engine/api builds the contract's handlers from it). Only the
 * Engine hands this out; hosts, the tray, the CLI and tests go through the use cases or the handlers.
 */
export interface EngineParts extends EngineUseCases {
  readonly dataDir: string;
  readonly events: EngineEvents;
  readonly store: JobStore;
  /** Which store was opened and what chose it (the flag, the environment, the setting or the default). */
  readonly storeSelection: StoreSelection;
  /** What chose this instance's name in a team (the name itself is the open store's). */
  readonly instanceSelection: InstanceSelection;
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
  /** The team's shared profiles and folders (PostgreSQL store; on SQLite only the local part runs). */
  readonly presets: TeamPresets;
}
