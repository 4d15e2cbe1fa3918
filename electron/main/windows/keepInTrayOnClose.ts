import type { BrowserWindow } from 'electron';

/**
 * Closing the window hides it instead while hot folders should keep running in the tray (the closeToTray setting),
 * unless the app is quitting (Quit in the tray, or the OS logging out), when it really closes.
 */
export function keepInTrayOnClose(window: BrowserWindow, policy: { closeToTray(): boolean; isQuitting(): boolean }): void {
  window.on('close', (event) => {
    if (policy.isQuitting() || !policy.closeToTray()) return;
    event.preventDefault();
    window.hide();
  });
}
