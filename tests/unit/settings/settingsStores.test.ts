import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileFalKeyStore } from '../../../electron/engine/settings/falKeyStore';
import { SettingsStore } from '../../../electron/engine/settings/settingsStore';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'smart-resize-settings-'));
  made.push(dir);
  return dir;
};
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('SettingsStore', () => {
  it('starts from safe defaults and persists updates across instances', () => {
    const dir = tempDir();
    const settings = new SettingsStore(dir);
    expect(settings.get()).toMatchObject({ concurrency: 2, defaultProvider: 'fal', collisionPolicy: 'suffix', folders: [] });
    settings.update({ concurrency: 8 });
    expect(new SettingsStore(dir).get().concurrency).toBe(8);
  });

  it('refuses an invalid value with the field named, and stores nothing', () => {
    const settings = new SettingsStore(tempDir());
    expect(() => settings.update({ concurrency: 0 })).toThrow(/^These settings cannot be saved\. Jobs at a time: /);
    expect(() => settings.update({ falProxyUrl: 'not a url' })).toThrow(/fal proxy URL: /);
    expect(settings.get().concurrency).toBe(2);
  });

  it('adds, edits and removes watched folders, refusing the same folder twice', () => {
    const settings = new SettingsStore(tempDir());
    const folder = settings.addFolder({ path: '/tmp/shoot/../shoot', profileId: 'p1', enabled: true, recursive: false, polling: false, trusted: false });
    expect(folder.path).toBe('/tmp/shoot');
    expect(() => settings.addFolder({ path: '/tmp/shoot', profileId: 'p2', enabled: true, recursive: false, polling: false, trusted: false })).toThrow(/already a watched folder/);
    expect(settings.updateFolder(folder.id, { recursive: true }).recursive).toBe(true);
    settings.removeFolder(folder.id);
    expect(settings.get().folders).toEqual([]);
  });
});

describe('FileFalKeyStore', () => {
  it('keeps the key in a file only its owner can read, and forgets it on clear', () => {
    const dir = tempDir();
    const store = new FileFalKeyStore(dir);
    expect(store.read()).toBeUndefined();
    store.write('  key-id:key-secret \n');
    expect(store.read()).toBe('key-id:key-secret');
    expect(statSync(join(dir, 'fal-key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'fal-key'), 'utf8').trim()).toBe('key-id:key-secret');
    store.clear();
    expect(store.read()).toBeUndefined();
  });
});
