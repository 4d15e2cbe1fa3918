import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow } from '../../../electron/main/windows/createMainWindow';
import { AppWindows } from '../../../electron/main/windows/appWindows';
import { keepInTrayOnClose } from '../../../electron/main/windows/keepInTrayOnClose';
import { shell, type BrowserWindow } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const APP_URL = 'app://app/index.html';

function makeWindow(showOnReady?: boolean): { window: BrowserWindow; windows: AppWindows } {
  const windows = new AppWindows();
  const window = createMainWindow(windows, { appUrl: APP_URL, preloadPath: '/opt/smart-resize/out/preload/index.cjs', showOnReady }) as unknown as BrowserWindow;
  return { window, windows };
}

beforeEach(() => {
  shell.openExternal.mockClear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('createMainWindow', () => {
  it('isolates the page from Node and Electron and keeps web security on', () => {
    const { window, windows } = makeWindow();
    expect(window.options['webPreferences']).toMatchObject({
      preload: '/opt/smart-resize/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(window.loadURL).toHaveBeenCalledWith(APP_URL);
    expect(windows.owns(window.webContents as unknown as Electron.WebContents)).toBe(true);
  });

  it('denies every new window and opens only http(s) links in the browser', () => {
    const { window } = makeWindow();
    const open = window.webContents.windowOpenHandler!;
    expect(open({ url: 'https://fal.ai/models/fal-ai/smart-resize' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://example.com/help' })).toEqual({ action: 'deny' });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'data:text/html,hi', 'https://', '%%%']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls.map(([url]) => url)).toEqual(['https://fal.ai/models/fal-ai/smart-resize', 'http://example.com/help']);
  });

  it("blocks navigation away from the app's page, and redirects and webviews", () => {
    const { window } = makeWindow();
    const contents = window.webContents;
    expect(contents.emitCancellable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitCancellable('will-navigate', 'file:///home/me/photo.jpg')).toBe(true);
    expect(contents.emitCancellable('will-navigate', 'file:///opt/smart-resize/out/renderer/other.html')).toBe(true);
    expect(contents.emitCancellable('will-navigate', `${APP_URL}#/history`)).toBe(false);
    expect(contents.emitCancellable('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.emitCancellable('will-attach-webview', 'https://evil.example/')).toBe(true);
    // A clicked web link still reaches the browser; a file never does.
    expect(shell.openExternal.mock.calls.map(([url]) => url)).toEqual(['https://evil.example/']);
  });

  it('shows the window once ready, unless started in the background', () => {
    const shown = makeWindow().window;
    shown.emit('ready-to-show');
    expect(shown.show).toHaveBeenCalledOnce();
    const hidden = makeWindow(false).window;
    hidden.emit('ready-to-show');
    expect(hidden.show).not.toHaveBeenCalled();
  });
});

describe('keepInTrayOnClose', () => {
  it('hides instead of closing while closeToTray is on and the app is not quitting', () => {
    const { window } = makeWindow();
    let closeToTray = true;
    let quitting = false;
    keepInTrayOnClose(window as unknown as Electron.BrowserWindow, { closeToTray: () => closeToTray, isQuitting: () => quitting });
    expect(window.requestClose()).toBe(true);
    expect(window.hide).toHaveBeenCalledOnce();
    quitting = true;
    expect(window.requestClose()).toBe(false);
    quitting = false;
    closeToTray = false;
    expect(window.requestClose()).toBe(false);
    expect(window.hide).toHaveBeenCalledOnce();
  });
});
