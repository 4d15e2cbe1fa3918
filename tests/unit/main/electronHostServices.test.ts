import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronHostServices } from '../../../electron/main/host/electronHostServices';
import { applyStartAtLogin, BACKGROUND_ARG, startedAtLogin } from '../../../electron/main/host/loginItem';
import { app, BrowserWindow, dialog, shell } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const keyStore = { read: () => undefined, write: () => undefined, clear: () => undefined, storage: 'plaintext-fallback' as const };

beforeEach(() => {
  vi.clearAllMocks();
});

describe('electronHostServices', () => {
  it('opens and reveals paths with the shell, and reports a failed open', async () => {
    const host = electronHostServices({ keyStore, parentWindow: () => undefined });
    await host.openPath('/out/a.jpg');
    expect(shell.openPath).toHaveBeenCalledWith('/out/a.jpg');
    shell.openPath.mockResolvedValueOnce('No application is associated with the file');
    await expect(host.openPath('/out/b.xyz')).rejects.toThrow(/No application is associated/);
    await host.revealPath('/out/a.jpg');
    expect(shell.showItemInFolder).toHaveBeenCalledWith('/out/a.jpg');
  });

  it('picks a folder with the native dialog, modal to the window, and answers null when cancelled', async () => {
    const window = new BrowserWindow({});
    const host = electronHostServices({ keyStore, parentWindow: () => window as unknown as Electron.BrowserWindow });
    expect(await host.pickFolder('Choose a folder to watch')).toBeNull();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/me/Ads'] });
    expect(await host.pickFolder()).toBe('/home/me/Ads');
    expect(dialog.showOpenDialog.mock.calls[0]![0]).toBe(window);
    expect(dialog.showOpenDialog.mock.calls[0]![1]).toMatchObject({ title: 'Choose a folder to watch', properties: expect.arrayContaining(['openDirectory']) });
  });

  it("reports the key store's storage and applies start-at-login changes", () => {
    const host = electronHostServices({ keyStore, parentWindow: () => undefined });
    expect(host.keyStorage).toBe('plaintext-fallback');
    host.onSettingsChanged?.({ startAtLogin: true, closeToTray: true });
    if (process.platform === 'darwin' || process.platform === 'win32') expect(app.setLoginItemSettings).toHaveBeenCalled();
    else expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});

describe('login item', () => {
  it('registers on macOS and Windows (in the background there), and does nothing on Linux', () => {
    const fake = { setLoginItemSettings: vi.fn() };
    applyStartAtLogin(fake, true, 'darwin');
    applyStartAtLogin(fake, false, 'win32');
    applyStartAtLogin(fake, true, 'linux');
    expect(fake.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true }], [{ openAtLogin: false, args: [BACKGROUND_ARG] }]]);
  });

  it('knows a start at login from the argument or from macOS', () => {
    const fake = { getLoginItemSettings: vi.fn(() => ({ wasOpenedAtLogin: true }) as Electron.LoginItemSettings) };
    expect(startedAtLogin(fake, ['/app', BACKGROUND_ARG], 'win32')).toBe(true);
    expect(startedAtLogin(fake, ['/app'], 'win32')).toBe(false);
    expect(startedAtLogin(fake, ['/app'], 'darwin')).toBe(true);
  });
});
