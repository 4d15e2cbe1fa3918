import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { PROFILES_MIGRATIONS } from '../../../electron/engine/profiles/profilesFileMigrations';
import { ProfileStore } from '../../../electron/engine/profiles';
import { SETTINGS_MIGRATIONS } from '../../../electron/engine/settings/settingsMigrations';
import { SettingsStore } from '../../../electron/engine/settings/settingsStore';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'smart-resize-migrations-'));
  made.push(dir);
  return dir;
};
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const fileOf = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Record<string, unknown>;
const migration = (list: typeof SETTINGS_MIGRATIONS, number: number) => list.find((entry) => entry.number === number)!;

/** settings.json as the version before migrations wrote it: conf, every setting inside one `settings` key. */
function writeSettingsBeforeMigrations(dir: string, settings: Record<string, unknown>): void {
  new Conf({ cwd: dir, configName: 'settings', projectName: 'smart-resize-desktop' }).set('settings', settings);
}

describe('settings.json migrations', () => {
  it('are numbered in order, one apart', () => {
    expect(SETTINGS_MIGRATIONS.map((entry) => entry.number)).toEqual(SETTINGS_MIGRATIONS.map((_, index) => index + 1));
    // profiles.json was layout 1 before it had migrations.
    expect(PROFILES_MIGRATIONS.map((entry) => entry.number)).toEqual(PROFILES_MIGRATIONS.map((_, index) => index + 2));
  });

  it('1 moves each setting out of the one "settings" object to a key of its own, without changing its input', () => {
    const before = { settings: { concurrency: 6, folders: [{ id: 'f', path: '/p', profileId: 'x' }] } };
    const after = migration(SETTINGS_MIGRATIONS, 1).migrate(before);
    expect(after).toEqual({ concurrency: 6, folders: [{ id: 'f', path: '/p', profileId: 'x' }] });
    expect(before).toEqual({ settings: { concurrency: 6, folders: [{ id: 'f', path: '/p', profileId: 'x' }] } });
    // A file with nothing nested (never saved) stays empty; a top-level value wins over a stale nested one.
    expect(migration(SETTINGS_MIGRATIONS, 1).migrate({})).toEqual({});
    expect(migration(SETTINGS_MIGRATIONS, 1).migrate({ settings: { concurrency: 1 }, concurrency: 3 })).toEqual({ concurrency: 3 });
  });

  it('2 makes polling off "not chosen" (polled on a network share), keeps polling on, and leaves its input alone', () => {
    const before = { concurrency: 3, folders: [{ id: 'a', polling: false }, { id: 'b', polling: true }, { id: 'c' }] };
    expect(migration(SETTINGS_MIGRATIONS, 2).migrate(before)).toEqual({ concurrency: 3, folders: [{ id: 'a', polling: null }, { id: 'b', polling: true }, { id: 'c' }] });
    expect(before.folders[0]).toEqual({ id: 'a', polling: false });
    expect(migration(SETTINGS_MIGRATIONS, 2).migrate({ concurrency: 3 })).toEqual({ concurrency: 3 });
  });

  it('1 and 2 run once on a file the first version wrote, keeping every setting, and record the number', () => {
    const dir = tempDir();
    const folder = { id: 'f1', path: '/srv/in', profileId: 'builtin-meta', enabled: true, recursive: false, polling: true, trusted: true };
    writeSettingsBeforeMigrations(dir, { concurrency: 7, dailyCapCents: 500, folders: [folder] });
    const settings = new SettingsStore(dir);
    expect(settings.get()).toMatchObject({ concurrency: 7, dailyCapCents: 500, folders: [folder] });
    const file = fileOf(dir, 'settings');
    expect(file).toMatchObject({ concurrency: 7, dailyCapCents: 500, folders: [folder], __internal__: { migrations: { version: '2.0.0' } } });
    expect(file).not.toHaveProperty('settings');
    // Opening again runs nothing: the change made since stays.
    settings.update({ concurrency: 9 });
    expect(new SettingsStore(dir).get().concurrency).toBe(9);
  });

  it('a new file starts at the latest number, with only what was saved in it (defaults are filled in on reading)', () => {
    const dir = tempDir();
    const settings = new SettingsStore(dir);
    settings.update({ settleMs: 500 });
    const { __internal__, ...saved } = fileOf(dir, 'settings');
    expect(__internal__).toEqual({ migrations: { version: `${SETTINGS_MIGRATIONS.length}.0.0` } });
    expect(saved).toMatchObject({ settleMs: 500, concurrency: 2 });
    expect(saved).not.toHaveProperty('falProxyUrl');
  });

  it('a damaged file is reported at each use, naming it, and is never replaced by defaults', () => {
    const dir = tempDir();
    const path = join(dir, 'settings.json');
    writeFileSync(path, '{"concurrency": 0, "dailyCapCents": 100}');
    const settings = new SettingsStore(dir);
    expect(() => settings.get()).toThrow(expect.objectContaining({ code: 'invalid_settings', message: expect.stringMatching(/settings\.json is damaged \(.*concurrency.*\); fix it/) }));
    expect(() => settings.update({ concurrency: 3 })).toThrow(/damaged/);
    expect(readFileSync(path, 'utf8')).toBe('{"concurrency": 0, "dailyCapCents": 100}');
    writeFileSync(path, '{"concurrency": ');
    expect(() => settings.get()).toThrow(/settings\.json is damaged \(not valid JSON\)/);
    // Fixed by hand: the same store carries on.
    writeFileSync(path, '{"concurrency": 4}');
    expect(settings.get().concurrency).toBe(4);
  });
});

describe('profiles.json migrations', () => {
  const stored = (formatVersion?: number) => ({
    ...(formatVersion === undefined ? {} : { formatVersion }),
    profiles: { a: { versions: [{ id: 'a', output: { format: 'png' } }] } },
  });

  it('2 states the rights-metadata setting on every version and marks the layout, without changing its input', () => {
    const before = stored();
    expect(migration(PROFILES_MIGRATIONS, 2).migrate(before)).toEqual({ formatVersion: 2, profiles: { a: { versions: [{ id: 'a', output: { copyMetadata: true, format: 'png' } }] } } });
    expect(before).toEqual(stored());
  });

  it('2 leaves a file alone that an earlier build already brought to layout 2 (it has no library record)', () => {
    const already = { formatVersion: 2, profiles: { a: { versions: [{ id: 'a', output: { format: 'png', copyMetadata: false } }] } } };
    expect(migration(PROFILES_MIGRATIONS, 2).migrate(already)).toBe(already);
  });

  it('a file an earlier build migrated opens as it is, with no backup, and gets the library record', () => {
    const dir = tempDir();
    const created = new ProfileStore({ dataDir: dir }).create({ name: 'Shop', sizes: [{ width: 300, height: 250 }] });
    const { __internal__: _recorded, ...contents } = fileOf(dir, 'profiles');
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify(contents, null, '\t'));
    expect(new ProfileStore({ dataDir: dir }).get(created.id)).toEqual(created);
    expect(fileOf(dir, 'profiles')).toMatchObject({ formatVersion: 2, __internal__: { migrations: { version: '2.0.0' } } });
    expect(readdirSync(dir).filter((name) => name.includes('backup'))).toEqual([]);
  });
});

describe('before a migration', () => {
  it('the file is copied to <name>.v<layout>.backup.json, once', () => {
    const dir = tempDir();
    writeSettingsBeforeMigrations(dir, { concurrency: 7 });
    const original = readFileSync(join(dir, 'settings.json'), 'utf8');
    new SettingsStore(dir).update({ concurrency: 8 });
    expect(readFileSync(join(dir, 'settings.v0.backup.json'), 'utf8')).toBe(original);
    writeSettingsBeforeMigrations(dir, { concurrency: 1 });
    new SettingsStore(dir).get();
    expect(readFileSync(join(dir, 'settings.v0.backup.json'), 'utf8')).toBe(original);
  });

  it('a file a newer build wrote is refused and left as it is', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ concurrency: 3, __internal__: { migrations: { version: '9.0.0' } } });
    writeFileSync(join(dir, 'settings.json'), newer);
    expect(() => new SettingsStore(dir).get()).toThrow(/settings\.json was written by a newer version of Smart Resize \(layout 9; this version reads up to 2\)/);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(newer);
  });
});
