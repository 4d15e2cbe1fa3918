import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openElectronStoreJsonFile } from '../../../electron/main/host/electronStoreJsonFile';
import { ProfileStore } from '../../../electron/engine/profiles';
import { SettingsStore } from '../../../electron/engine/settings/settingsStore';
import { SETTINGS_MIGRATIONS } from '../../../electron/engine/settings/settingsMigrations';
import { ipcMain } from './fakeElectron';

// electron-store imports `electron`, which cannot run here: the fake gives it app paths and ipcMain.
vi.mock('electron', () => import('./fakeElectron'));

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'smart-resize-hosts-'));
  made.push(dir);
  return dir;
};
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// The two hosts' ways of opening the same data folder: electron-store in the desktop app, conf headless.
const desktop = { settings: (dir: string) => new SettingsStore(dir, openElectronStoreJsonFile), profiles: (dir: string) => new ProfileStore({ dataDir: dir, openFile: openElectronStoreJsonFile }) };
const headless = { settings: (dir: string) => new SettingsStore(dir), profiles: (dir: string) => new ProfileStore({ dataDir: dir }) };
const hosts = [
  { writer: 'desktop (electron-store)', reader: 'headless (conf)', write: desktop, read: headless },
  { writer: 'headless (conf)', reader: 'desktop (electron-store)', write: headless, read: desktop },
];

const folder = { path: '/srv/incoming', profileId: 'builtin-meta', enabled: true, recursive: true, polling: true, trusted: false };

describe.each(hosts)('one data folder: written by the $writer host, read by the $reader host', ({ write, read }) => {
  it('settings and profiles written by one are read by the other, and edits go back the other way', () => {
    const dir = tempDir();
    write.settings(dir).update({ concurrency: 5, falDeadlineSeconds: 120, monthlyCapCents: 2500 });
    const added = write.settings(dir).addFolder(folder);
    const profile = write.profiles(dir).create({ name: 'Display ads', sizes: [{ width: 300, height: 250 }, { width: 728, height: 90 }] });

    expect(read.settings(dir).get()).toMatchObject({ concurrency: 5, falDeadlineSeconds: 120, monthlyCapCents: 2500, folders: [added] });
    expect(read.profiles(dir).get('Display ads')).toEqual(profile);

    read.settings(dir).update({ concurrency: 3 });
    const edited = read.profiles(dir).update(profile.id, { name: 'Display' });
    expect(write.settings(dir).get()).toMatchObject({ concurrency: 3, monthlyCapCents: 2500, folders: [added] });
    expect(write.profiles(dir).versions(profile.id)).toEqual([profile, edited]);
  });

  it('a file of the version before migrations is migrated by the first and read by the second', () => {
    const dir = tempDir();
    // As the previous version wrote them: settings nested under one key, profiles with their own formatVersion.
    new Conf({ cwd: dir, configName: 'settings', projectName: 'smart-resize-desktop' }).set('settings', { concurrency: 4, folders: [{ id: 'f1', ...folder }] });
    new Conf({ cwd: dir, configName: 'profiles', accessPropertiesByDotNotation: false }).store = { formatVersion: 1, profiles: {} };

    expect(write.settings(dir).get()).toMatchObject({ concurrency: 4, folders: [{ id: 'f1', ...folder }] });
    const profile = write.profiles(dir).create({ name: 'Square', sizes: [{ width: 1080, height: 1080 }] });
    const settingsFile = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    expect(settingsFile.__internal__).toEqual({ migrations: { version: `${SETTINGS_MIGRATIONS.length}.0.0` } });
    expect(settingsFile.concurrency).toBe(4);

    expect(read.settings(dir).get()).toMatchObject({ concurrency: 4, folders: [{ id: 'f1', ...folder }] });
    expect(read.profiles(dir).get(profile.id)).toEqual(profile);
    // The second host ran no migration again: its write stays, and the first reads it.
    read.settings(dir).update({ settleMs: 700 });
    expect(write.settings(dir).get()).toMatchObject({ concurrency: 4, settleMs: 700 });
  });
});

describe('electron-store in the desktop host', () => {
  it('writes the very file conf writes: same name, same place, same bytes for the same settings', () => {
    const [a, b] = [tempDir(), tempDir()];
    desktop.settings(a).update({ concurrency: 6 });
    headless.settings(b).update({ concurrency: 6 });
    expect(readFileSync(join(a, 'settings.json'), 'utf8')).toBe(readFileSync(join(b, 'settings.json'), 'utf8'));
    // It really was electron-store: it answers its renderer-side instances through ipcMain.
    expect(ipcMain.listeners.has('electron-store-get-data')).toBe(true);
  });
});
