import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Environment variable that chooses the data folder when no `--data` option is given. */
export const DATA_DIR_ENV = 'SMART_RESIZE_DATA';

const APP_FOLDER_NAME = 'Smart Resize Desktop';

/**
 * The folder holding settings, profiles, the job database and the inbox. Order: an explicit option (`--data`),
 * then SMART_RESIZE_DATA, then the platform's per-user application-data folder, which is the same folder Electron's
 * `app.getPath('userData')` gives for our productName, so the desktop app and the CLI share one store.
 */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit && explicit.trim()) return resolve(explicit);
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv && fromEnv.trim()) return resolve(fromEnv);
  return defaultDataDir(process.platform, env);
}

function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}
