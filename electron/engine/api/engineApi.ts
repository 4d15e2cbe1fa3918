import type { ApiHandlers } from '../../shared/contract/types';
import type { Engine } from '../runtime/engine';
import { folderHandlers } from './folderHandlers';
import type { HostServices } from './hostServices';
import { jobHandlers } from './jobHandlers';
import { profileHandlers } from './profileHandlers';
import { spendHandlers } from './spendHandlers';
import { systemHandlers } from './systemHandlers';

/**
 * The API contract implemented by the engine: what both hosts bind (Electron IPC and the headless HTTP server).
 * Inputs arrive already validated by the contract; the engine's own stores validate again with their rules.
 */
export function createEngineApi(engine: Engine, host: HostServices, dataDir: string): ApiHandlers {
  return {
    profiles: profileHandlers(engine),
    folders: folderHandlers(engine),
    jobs: jobHandlers(engine),
    ...systemHandlers(engine, host, dataDir),
    ...spendHandlers(engine),
  };
}
