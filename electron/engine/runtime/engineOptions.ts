import type { SubjectDetector } from '../composition/detection';
import type { FalCallTimeouts } from '../fal/falCallTimeouts';
import type { LostSubmitTiming } from '../jobs/jobRunnerTypes';
import type { JobStore } from '../store';
import type { FalKeyStore } from '../settings/falKeyStore';
import type { OpenJsonFile } from '../settings/jsonFile';
import type { WatchedFolder } from '../settings/settingsSchema';

/** How a host starts the engine. Everything but the data folder has a production default. */
export interface EngineOptions {
  readonly dataDir: string;
  /** The job store: a postgres:// URL for a team, else SQLite in the data folder (default: SMART_RESIZE_STORE). */
  readonly store?: string;
  /**
   * An already open job store to use instead of opening one from `store` (a test that watches the store's own
   * calls); the engine owns it from then on and closes it on stop.
   */
  readonly openedStore?: JobStore;
  /** This instance's name in a team (default: SMART_RESIZE_INSTANCE, else user@host). */
  readonly instance?: string;
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
    /** How often the team's presets' version is read (PostgreSQL store); default 2 s. */
    readonly presetPollMs?: number;
    /** Per-attempt timeouts of fal calls. */
    readonly falCallTimeouts?: Partial<FalCallTimeouts>;
    /** How long the request of a submit whose answer was lost is looked for in fal's history. */
    readonly lostSubmit?: Partial<LostSubmitTiming>;
  };
  readonly now?: () => number;
  /** Subject detection for the local engine and the auto policy; default: faces, objects and text in a worker. */
  readonly detector?: SubjectDetector;
  /**
   * Load the detection models, and start the blur backdrop threads, at start(), off any job's path (the hosts that
   * run jobs: serve, the desktop app, watch). Off by default: in-process engines of tests and one-shot verbs would
   * load their workers for nothing (a render without them makes its backdrops on the engine's thread meanwhile).
   */
  readonly warmDetector?: boolean;
}
