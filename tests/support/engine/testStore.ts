import { openStore, type JobStore } from '../../../electron/engine/store';
import type { StoreChoice } from '../../../electron/engine/store/openStore';

/**
 * A job-store handle of the test's own on an engine's data folder (or its team database): the Engine keeps its
 * store private. Either hand it to the engine (`openedStore`, as the engine harness does: the test then reads the
 * engine's own rows and events) or keep it beside a running engine as a second connection that only reads what
 * the engine committed (SQLite runs in WAL mode; a write transaction of its own would contend with the engine's).
 * Close it before deleting the folder.
 */
export function openTestStore(dataDir: string, choice: Omit<StoreChoice, 'dataDir'> = {}): JobStore {
  return openStore({ dataDir, ...choice });
}
