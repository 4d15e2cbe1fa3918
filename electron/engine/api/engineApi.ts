import { homedir } from 'node:os';
import type { ApiHandlers } from '../../shared/contract/types';
import type { EngineParts } from '../runtime/engineParts';
import { approvalHandlers } from './approvalHandlers';
import { estimateHandlers } from './estimateHandlers';
import { folderHandlers } from './folderHandlers';
import type { HostServices } from './hostServices';
import type { PathPolicy } from './pathPolicy';
import { jobHandlers } from './jobHandlers';
import { markHandlers } from './markHandlers';
import { profileHandlers } from './profileHandlers';
import { reviewHandlers } from './reviewHandlers';
import { spendHandlers } from './spendHandlers';
import { systemHandlers } from './systemHandlers';

/** Host-specific limits of the API. */
export interface EngineApiOptions {
  /** Which paths callers may name; absent (desktop) means any path the person drops or picks. */
  readonly pathPolicy?: PathPolicy;
  /** What `~` means in a typed folder path (default: this user's home folder). */
  readonly homeDir?: string;
}

/**
 * The API contract implemented by the engine: what both hosts bind (Electron IPC and the headless HTTP server) and
 * call themselves (the tray), reached through `Engine.api()`.
 * Inputs arrive already validated by the contract; the engine's own stores validate again with their rules.
 */
export function createEngineApi(engine: EngineParts, host: HostServices, options: EngineApiOptions = {}): ApiHandlers {
  return {
    profiles: profileHandlers(engine),
    folders: folderHandlers(engine, options.homeDir ?? homedir(), options.pathPolicy),
    jobs: jobHandlers(engine, options.pathPolicy),
    review: reviewHandlers(engine, engine.dataDir),
    marks: markHandlers(engine),
    approvals: approvalHandlers(engine),
    estimate: estimateHandlers(engine, options.pathPolicy),
    ...systemHandlers(engine, host),
    ...spendHandlers(engine),
  };
}
