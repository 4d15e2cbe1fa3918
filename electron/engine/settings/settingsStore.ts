import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import Conf from 'conf';
import { fieldSentences } from '../../domain/fieldSentences';
import { SmartResizeError } from '../../domain/errors';
import { SettingsSchema, type Settings, type SettingsPatch, type WatchedFolder, WatchedFolderSchema } from './settingsSchema';

/**
 * Settings persisted as `settings.json` in the data folder through conf (atomic writes). Every write is validated
 * with the schema first, so a bad value is refused with a reason and never stored.
 */
export class SettingsStore {
  private readonly conf: Conf<{ settings: unknown }>;

  constructor(dataDir: string) {
    this.conf = new Conf<{ settings: unknown }>({ cwd: dataDir, configName: 'settings', projectName: 'smart-resize-desktop' });
  }

  get(): Settings {
    const parsed = SettingsSchema.safeParse(this.conf.get('settings') ?? {});
    // A damaged file falls back to defaults for reading, but is not overwritten until the user saves.
    return parsed.success ? parsed.data : SettingsSchema.parse({});
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
    this.conf.set('settings', settings);
    return settings;
  }
}

function parse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
  throw new SmartResizeError('invalid_settings', `These settings cannot be saved. ${fieldSentences(issues)}`);
}
