import type { App } from 'electron';

/** The argument a login start passes on Windows, so the app opens in the tray rather than in a window. */
export const BACKGROUND_ARG = '--background';

/**
 * Registers or removes the app as a login item. Electron supports this on macOS and Windows only; on Linux the
 * setting is kept but has no effect (desktop environments use autostart files, which a package can install).
 */
export function applyStartAtLogin(app: Pick<App, 'setLoginItemSettings'>, startAtLogin: boolean, platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'darwin' && platform !== 'win32') return;
  app.setLoginItemSettings({ openAtLogin: startAtLogin, ...(platform === 'win32' && { args: [BACKGROUND_ARG] }) });
}

/** True when this launch was a start at login, which should stay in the tray until the person opens the window. */
export function startedAtLogin(app: Pick<App, 'getLoginItemSettings'>, argv: readonly string[], platform: NodeJS.Platform = process.platform): boolean {
  if (argv.includes(BACKGROUND_ARG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}
