import { join } from 'node:path';
import type { App } from 'electron';
import { DATA_DIR_ENV, resolveDataDir } from '../engine/dataDir';
import { APP_ENTRY_URL } from './protocol/appScheme';

/**
 * The data folder: SMART_RESIZE_DATA when set (tests, portable setups), else Electron's `userData` folder, which is
 * the same folder the CLI uses by default. When overridden, `userData` is moved there too, so Chromium's profile
 * and the single-instance lock follow it and two data folders can run side by side. Call before `ready`.
 */
export function applyDataDir(app: Pick<App, 'getPath' | 'setPath'>, env: NodeJS.ProcessEnv = process.env): string {
  if (!env[DATA_DIR_ENV]?.trim()) return app.getPath('userData');
  const dataDir = resolveDataDir(undefined, env);
  app.setPath('userData', dataDir);
  return dataDir;
}

/**
 * The renderer's entry URL: the built renderer on the app scheme (served from rendererDir, never file:). The dev
 * server's URL (set by `electron-vite dev`) is honoured only in an unpackaged app: in a shipped one, an environment
 * variable must not be able to point the privileged window at any site.
 */
export function rendererEntryUrl(app: Pick<App, 'isPackaged'>, env: NodeJS.ProcessEnv = process.env): string {
  const devServer = env['ELECTRON_RENDERER_URL'];
  if (devServer && !app.isPackaged) return devServer;
  return APP_ENTRY_URL;
}

/** The built renderer (electron-vite's out/renderer), which the app scheme serves. */
export function rendererDir(mainDir: string): string {
  return join(mainDir, '../renderer');
}

/** The bundled preload (CommonJS: sandboxed preloads cannot be ES modules). */
export function preloadPath(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs');
}

/** A file of `resources/` (icons); it sits beside package.json in development and inside the app archive when packaged. */
export function resourcePath(app: Pick<App, 'getAppPath'>, name: string): string {
  return join(app.getAppPath(), 'resources', name);
}
