import { BrowserWindow } from 'electron';
import type { AppWindows } from './appWindows';
import { hardenWebContents } from './hardenWebContents';

/** Where the window loads from and what it is given. */
export interface MainWindowOptions {
  readonly appUrl: string;
  readonly preloadPath: string;
  readonly iconPath?: string;
  /** Started at login in the background: stay in the tray until asked. */
  readonly showOnReady?: boolean;
}

/**
 * The one window factory: the page is isolated from Node and Electron (context isolation, sandbox, no Node),
 * keeps web security, cannot open windows or navigate away, and reaches the host only through the preload's bridge.
 */
export function createMainWindow(windows: AppWindows, options: MainWindowOptions): BrowserWindow {
  // Middle-click (auxclick) on a link asks for a new window, which hardenWebContents' window-open handler denies.
  const window = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    title: 'Smart Resize Desktop',
    show: false,
    backgroundColor: '#f5f6f8',
    ...(options.iconPath && { icon: options.iconPath }),
    webPreferences: {
      // Reviewed: the sandboxed preload exposes the contract's verbs through contextBridge, never ipcRenderer.
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Dropped files are taken by the page's drop zone; a drop elsewhere must not load the file in place of the app.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  windows.add(window);
  hardenWebContents(window.webContents, options.appUrl);
  if (options.showOnReady !== false) window.once('ready-to-show', () => window.show());
  void window.loadURL(options.appUrl).catch((error: unknown) => console.error('The window could not load the app:', error));
  return window;
}
