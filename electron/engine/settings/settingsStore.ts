import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { fieldSentences } from '../../domain/fieldSentences';
import { SmartResizeError } from '../../domain/errors';
import type { JsonFile, OpenJsonFile } from './jsonFile';
import { lazyJsonFile } from './lazyJsonFile';
import { openConfJsonFile } from './openConfJsonFile';
import { settingsFileSpec } from './settingsFile';
import { SettingsSchema, type Settings, type SettingsPatch, type WatchedFolder, WatchedFolderSchema } from './settingsSchema';

/**
 * Settings persisted as `settings.json` in the data folder, one key per setting, through conf in the headless host
 * and the CLI or electron-store in the desktop app (`openFile`; the same format, schema and migrations). Every
 * write is validated with the schema first, so a bad value is refused with a reason and never stored. A damaged
 * file is reported at each use (SmartResizeError 'invalid_settings') and never replaced by defaults: that would
 * drop the watched folders and the spending caps without a word.
 */
export class SettingsStore {
  private readonly file: JsonFile;

  constructor(dataDir: string, openFile: OpenJsonFile = openConfJsonFile) {
    this.file = lazyJsonFile(settingsFileSpec(dataDir), openFile, 'invalid_settings');
  }

  /** The file's path. */
  get path(): string {
    return this.file.path;
  }

  /** Every setting, defaults filled in for those never set. */
  get(): Settings {
    return parse(SettingsSchema, this.file.read(), `The settings file ${this.file.path} is damaged.`);
  }

  update(patch: SettingsPatch): Settings {
    return this.save({ ...this.get(), ...patch });
  }

  addFolder(input: Omit<WatchedFolder, 'id'> & { id?: string }): WatchedFolder {
    const folder = parse(WatchedFolderSchema, { ...input, id: input.id ?? randomUUID(), path: resolve(input.path) });
    const settings = this.get();
    if (settings.folders.some((existing) => existing.path === folder.path)) {
      throw new SmartResizeError('invalid_settings', `${folder.path} is already a watched folder.`);
    }
    this.save({ ...settings, folders: [...settings.folders, folder] });
    return folder;
  }

  updateFolder(id: string, patch: Partial<Omit<WatchedFolder, 'id'>>): WatchedFolder {
    const settings = this.get();
    const current = settings.folders.find((folder) => folder.id === id);
    if (!current) throw new SmartResizeError('invalid_settings', `No watched folder with id ${id}.`);
    const next = parse(WatchedFolderSchema, { ...current, ...patch, id, path: resolve(patch.path ?? current.path) });
    this.save({ ...settings, folders: settings.folders.map((folder) => (folder.id === id ? next : folder)) });
    return next;
  }

  removeFolder(id: string): void {
    const settings = this.get();
    this.save({ ...settings, folders: settings.folders.filter((folder) => folder.id !== id) });
  }

  private save(next: unknown): Settings {
    const settings = parse(SettingsSchema, next);
    // JSON has no undefined: an unset optional (no proxy) is a missing key.
    this.file.write(Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)));
    return settings;
  }
}

function parse<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } },
  value: unknown,
  intro = 'These settings cannot be saved.',
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
  throw new SmartResizeError('invalid_settings', `${intro} ${fieldSentences(issues)}`);
}
