import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PathPolicy } from '../../engine/api/pathPolicy';
import { Engine, type EngineOptions } from '../../engine/runtime/engine';
import { createEventHub } from '../../shared/eventHub';
import { startHttpServer, type RunningHttpServer } from '../http/startHttpServer';
import { headlessHostServices } from './headlessHostServices';

/** Where the built renderer is: electron-vite's output, beside the sources. */
export const DEFAULT_RENDERER_DIR = resolve(import.meta.dirname, '../../../out/renderer');

/** How often the inbox is looked at for uploads no page came back for. */
const UPLOAD_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** A running headless host: the engine and its HTTP/WebSocket transport. */
export interface HeadlessServer {
  readonly engine: Engine;
  readonly http: RunningHttpServer;
  close(): Promise<void>;
}

/** Starts the engine and serves the contract plus the built UI on 127.0.0.1 with a per-launch token. */
export async function startHeadlessServer(options: {
  engine: EngineOptions;
  port?: number;
  token?: string;
  rendererDir?: string;
  homeDir?: string;
  /** Folders outside the home folder that may be watched and browsed too (`serve --allow`), e.g. a NAS mount. */
  allowedFolders?: readonly string[];
  /** Largest accepted upload in bytes (default: the HTTP server's 512 MB). */
  maxUploadBytes?: number;
}): Promise<HeadlessServer> {
  // The detection models load at start, so the first job does not wait on them.
  const engine = new Engine({ warmDetector: true, ...options.engine });
  const hub = createEventHub();
  const inboxDir = join(options.engine.dataDir, 'inbox');
  const homeDir = options.homeDir ?? homedir();
  const allowed = (options.allowedFolders ?? []).map((folder) => resolve(folder));
  // The page only knows paths this server gave it: uploads in the inbox, folders from the browser (home and the
  // folders allowed at launch) and the folder list. Any other path in a call is refused, so a token holder cannot
  // make it read the rest of the disk.
  const pathPolicy: PathPolicy = {
    sourceRoots: () => [inboxDir, ...engine.watchedFolders().map((folder) => folder.path)],
    folderRoots: () => [homeDir, ...allowed],
    describeSourceRoots: 'the upload inbox and the watched folders',
    uploadRoot: inboxDir,
    describeFolderRoots: allowed.length === 0 ? `your home folder (${homeDir})` : `your home folder (${homeDir}) and the folders allowed with --allow (${allowed.join(', ')})`,
  };
  const handlers = engine.api(headlessHostServices(), { pathPolicy, homeDir });
  const detach = engine.bridgeEvents((event) => hub.emit(event));
  await engine.start();
  // Uploads a page left behind (its tab closed mid-question) go once they are a day old: at start, then hourly.
  const sweepUploads = () => void engine.discardStaleUploads(inboxDir).catch(() => undefined);
  sweepUploads();
  const sweeper = setInterval(sweepUploads, UPLOAD_SWEEP_INTERVAL_MS);
  sweeper.unref();
  const http = await startHttpServer({
    handlers,
    events: hub,
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
    inboxDir,
    homeDir,
    extraBrowseRoots: allowed,
    port: options.port,
    token: options.token,
    maxUploadBytes: options.maxUploadBytes,
  });
  return {
    engine,
    http,
    close: async () => {
      clearInterval(sweeper);
      await http.close();
      detach();
      await engine.stop();
    },
  };
}
