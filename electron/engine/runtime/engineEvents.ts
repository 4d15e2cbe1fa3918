import { EventEmitter } from 'node:events';
import type { JobProgress } from '../jobs/jobRunnerTypes';
import type { QueueStatus } from '../queue/scheduler';
import type { StoreEvent } from '../store';
import type { Notice } from '../../shared/schemas/events';
import type { FolderStatus } from '../watch/watchTypes';

/** Everything the engine tells its hosts (UI, tray, notifications, CLI output). */
export interface EngineEventMap {
  /** A committed store change (job created, state changed, output written...), pushed by the store after its commit. */
  stored: [StoreEvent];
  /** Live progress of a running job (not stored). */
  progress: [JobProgress];
  queue: [QueueStatus];
  folder: [FolderStatus];
  /** Something a person should see that is not a job's state (a file that could not be read, held work). */
  notice: [Notice];
}

/** A typed event emitter for EngineEventMap. */
export class EngineEvents extends EventEmitter<EngineEventMap> {}
