import type { BrowserWindow, WebContents } from 'electron';

/**
 * The windows this app created. IPC calls and events are only ever exchanged with these; a window leaves the set
 * when it is closed for good.
 */
export class AppWindows {
  private readonly windows = new Set<BrowserWindow>();

  add(window: BrowserWindow): void {
    this.windows.add(window);
    window.once('closed', () => this.windows.delete(window));
  }

  /** True when the web contents belong to a live window of this app. */
  owns(contents: WebContents): boolean {
    return this.live().some((window) => window.webContents.id === contents.id);
  }

  /** Live windows, oldest first. */
  live(): BrowserWindow[] {
    return [...this.windows].filter((window) => !window.isDestroyed());
  }

  /** The window to show or parent a dialog to: the focused one, else the oldest. */
  main(): BrowserWindow | undefined {
    const live = this.live();
    return live.find((window) => window.isFocused()) ?? live[0];
  }
}
