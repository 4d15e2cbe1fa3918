import { EventEmitter } from 'node:events';
import type { JobProgress } from '../jobs/jobRunnerTypes';
import type { QueueStatus } from '../queue/scheduler';
import type { StoreEvent } from '../store';
import type { FolderStatus } from '../watch/watchTypes';

/** Everything the engine tells its hosts (UI, tray, notifications, CLI output). */
export interface EngineEventMap {
  /** A durable change written to the store's event log (job created, state changed, output written...). */
  stored: [StoreEvent];
  /** Live progress of a running job (not stored). */
  progress: [JobProgress];
  queue: [QueueStatus];
  folder: [FolderStatus];
  /** Something a person should see that is not tied to a job (a watcher warning, a file that could not be read). */
  notice: [{ level: 'info' | 'warning' | 'error'; message: string; folderId?: string; path?: string }];
}

/** A typed event emitter for EngineEventMap. */
export class EngineEvents extends EventEmitter<EngineEventMap> {}
