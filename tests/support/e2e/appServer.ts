import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineOptions } from '../../../electron/engine/runtime/engine';
import { FileFalKeyStore } from '../../../electron/engine/settings/falKeyStore';
import { DEFAULT_RENDERER_DIR, startHeadlessServer, type HeadlessServer } from '../../../electron/server/headless/startHeadlessServer';
import type { VerbCallInput, VerbName, VerbOutput } from '../../../electron/shared';
import { HTTP_ROUTES } from '../../../electron/shared';
import { startFakeFal, type FakeFal, type FakeFalOptions } from '../fakeFal';

/** The real headless server on a throw-away data folder, its fal pointed at a fake on loopback. */
export interface AppServer {
  /** The printed URL, carrying the launch token: what a person opens. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** Temp root holding `data/` and any folders a test makes; removed by close(). */
  readonly root: string;
  readonly dataDir: string;
  readonly fake: FakeFal;
  readonly server: HeadlessServer;
  /** Calls a contract verb over HTTP with the token, as the page would; throws on a non-2xx answer. */
  call<V extends VerbName>(verb: V, input?: VerbCallInput<V>): Promise<VerbOutput<V>>;
  /** Makes an empty folder under the temp root (a folder to watch) and answers its path. */
  makeFolder(name: string): string;
  close(): Promise<void>;
}

/** What startAppServer accepts; every field has a default. */
export interface AppServerOptions {
  readonly fake?: FakeFalOptions;
  /** Overrides of the engine's short test timing. */
  readonly timing?: EngineOptions['timing'];
  /** More engine options: a team store (`store`, `instance`, and `env` for its lease), say. */
  readonly engine?: Pick<EngineOptions, 'store' | 'instance' | 'env'>;
  /** Writes into the temp root and data folder before the server starts (a history to look at, say). */
  readonly seed?: (root: string, dataDir: string) => Promise<void>;
}

/**
 * Short engine timing for end-to-end runs: files settle fast and the queue polls often, so the UI shows results
 * within a second or two. The online probe stays slower than the offline one, as in production.
 */
const E2E_TIMING: NonNullable<EngineOptions['timing']> = {
  settleMs: 200,
  pollIntervalMs: 50,
  standbyPollMs: 200,
  offlineProbeMs: 300,
  onlineProbeMs: 1_000,
  tickMs: 100,
};

/**
 * Starts a fake fal and the real headless server in this process: real engine, SQLite, chokidar and HTTP/WebSocket
 * transport, serving the built renderer. The fake's key is written where the `serve` command reads it
 * (`<data>/fal-key`), so fal is in use exactly as for a person who saved a key.
 */
export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  if (!existsSync(join(DEFAULT_RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first: npx electron-vite build');
  const root = mkdtempSync(join(tmpdir(), 'smart-resize-e2e-'));
  const dataDir = join(root, 'data');
  const fake = await startFakeFal({ latency: { processingMs: 300, concurrency: 4 }, ...options.fake });
  new FileFalKeyStore(dataDir).write(fake.key);
  await options.seed?.(root, dataDir);
  const server = await startHeadlessServer({
    engine: { dataDir, env: {}, ...options.engine, falHostOverride: fake.url, timing: { ...E2E_TIMING, ...options.timing } },
    port: 0,
    homeDir: root,
  });
  const { url, origin, token } = server.http;

  const call = async <V extends VerbName>(verb: V, input?: VerbCallInput<V>): Promise<VerbOutput<V>> => {
    const response = await fetch(`${origin}${HTTP_ROUTES.call}${verb}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, ...(input === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: input === undefined ? undefined : JSON.stringify(input),
    });
    const body: unknown = await response.json();
    if (!response.ok) throw new Error(`${verb} answered ${response.status}: ${JSON.stringify(body)}`);
    return body as VerbOutput<V>;
  };

  return {
    url,
    origin,
    token,
    root,
    dataDir,
    fake,
    server,
    call,
    makeFolder: (name) => {
      const path = join(root, name);
      mkdirSync(path, { recursive: true });
      return path;
    },
    close: async () => {
      await server.close().catch(() => undefined);
      await fake.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
