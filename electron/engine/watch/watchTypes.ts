import type { JobProvider, JobRecord, JobStore } from '../store';
import type { TargetSize } from '../../domain/sizes';
import type { watch } from 'chokidar';
import type { NetworkShareProbe } from './network/networkShare';
import type { WatchMethod } from '../../domain/watchMethods';

/** One hot folder as settings describe it. */
export interface WatchedFolderConfig {
  /** Stable id from settings; jobs and seen files carry it. */
  readonly id: string;
  /** Absolute path of the folder. */
  readonly path: string;
  readonly profileId: string;
  /** Off: no watcher, no scan, state `disabled`. */
  readonly enabled: boolean;
  /** Off: only files directly in the folder (chokidar depth 0, no descent in the scan). */
  readonly recursive: boolean;
  /**
   * chokidar `usePolling`, for network shares (SMB/NFS) where change notifications do not arrive: true or false as
   * the person chose; null (not chosen) polls exactly when the folder is on a network filesystem.
   */
  readonly polling: boolean | null;
  /** The user marked the folder's contents as trusted; kept with the config for later stages, not used here. */
  readonly trusted: boolean;
  /** Files found are recorded as review-first jobs: previews made locally, nothing sent to fal before approval. */
  readonly reviewFirst?: boolean;
}

/** What the watcher needs to know of a folder's profile (resolved again for each job, so edits take effect). */
export interface WatchProfile {
  readonly id: string;
  readonly version: number;
  /** Profile name, for the `{profile}` token when finding the folders its outputs go to. */
  readonly name?: string;
  /** Target sizes: with `template`, they say which folders hold this profile's outputs (never watched). */
  readonly sizes?: readonly TargetSize[];
  /** Naming template; DEFAULT_NAMING_TEMPLATE when absent. */
  readonly template?: string;
  /** Who makes the outputs, stored on the job: the one provider decision (jobs/sizeRouting's providerForJob). */
  readonly provider: JobProvider;
}

/** Where a folder stands. `standby`: its path is gone (unplugged drive, lost share); it resumes by itself. */
export type FolderState = 'watching' | 'standby' | 'error' | 'disabled';

/** One folder's status for the UI. */
export interface FolderStatus {
  readonly folderId: string;
  readonly path: string;
  readonly state: FolderState;
  /** Why the folder is in standby or error, or the last watcher warning while watching; for people. */
  readonly reason?: string;
  /** Files waiting to become stable or being hashed. */
  readonly pendingFiles: number;
  /** How the folder is watched while it is (`network_polling`: polled because it is on a network share). */
  readonly method?: WatchMethod;
}

/** How a stable file reached intake: a watcher event or a reconcile scan. */
export type WatchOrigin = 'folder' | 'reconcile';

/** What the manager reports; the engine forwards these to the UI. */
export type WatchEvent =
  | { readonly kind: 'job_created'; readonly folderId: string; readonly path: string; readonly job: JobRecord }
  /**
   * Same content and profile version as an existing job (renamed, copied or touched file): not new work. A copy
   * under another path than the first job's has its `skipped` record in History (`skippedJob`).
   */
  | {
      readonly kind: 'duplicate_ignored';
      readonly folderId: string;
      readonly path: string;
      readonly contentHash: string;
      readonly existingJob: JobRecord;
      readonly skippedJob?: JobRecord;
    }
  /** Not an image the app takes: recorded as a failed job (`job`) with the reason, for History and a notice. */
  | { readonly kind: 'file_refused'; readonly folderId: string; readonly path: string; readonly job: JobRecord; readonly message: string }
  | { readonly kind: 'folder_status'; readonly status: FolderStatus }
  /** The team database does not answer: the stable file is kept in the data folder (`kept` in all) until it does. */
  | { readonly kind: 'kept_offline'; readonly folderId: string; readonly path: string; readonly kept: number }
  /** A stable file could not be read or hashed (permissions, I/O error); it is retried when it changes or at the next scan. */
  | { readonly kind: 'file_error'; readonly folderId: string; readonly path: string; readonly code?: string; readonly message: string }
  /** A reconcile scan finished: `files` found (images and files to refuse), `queued` of them not handled yet. */
  | { readonly kind: 'scan_finished'; readonly folderId: string; readonly files: number; readonly queued: number };

/** Options of HotFolderManager. */
export interface HotFolderManagerOptions {
  /** The job store (jobs, seen files, and the connection: intake commits many files per transaction). */
  readonly store: Pick<JobStore, 'seenFiles' | 'transaction'>;
  /** The folder's profile now, or undefined when it no longer exists (the folder then shows an error). */
  readonly resolveProfile: (profileId: string) => WatchProfile | undefined;
  /** Size and mtime must stay unchanged this long before a file is work. Default 2000 ms. */
  readonly settleMs?: number;
  /** Period of the reconcile scan of every folder. Default 5 minutes. */
  readonly reconcileIntervalMs?: number;
  /** How often a folder in standby looks for its path again (and a watching folder checks it is still there). Default 5000 ms. */
  readonly standbyPollMs?: number;
  /** Files hashed at once (each holds one open file). Default 8. */
  readonly hashConcurrency?: number;
  /** chokidar's polling interval for folders in polling mode. Default 1000 ms. */
  readonly pollingIntervalMs?: number;
  readonly onEvent?: (event: WatchEvent) => void;
  /** Tells which folders are on a network filesystem (polled unless the person chose); tests pass their own. */
  readonly networkShare?: NetworkShareProbe;
  /** chokidar's `watch`; tests wrap it to reach the real watcher (e.g. to inject an ENOSPC error). */
  readonly watchFactory?: typeof watch;
}
