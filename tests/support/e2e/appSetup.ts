import type { ProfileSize } from '../../../electron/shared';
import type { AppServer } from './appServer';

/**
 * Saves a profile through the contract, starting from a built-in preset's options with the given sizes, and
 * answers its id. Specs that are not about the Profiles page use it to get straight to their subject.
 */
export async function createProfile(app: AppServer, name: string, sizes: ProfileSize[]): Promise<string> {
  const presets = await app.call('profiles.presets');
  const base = presets[0]!.draft;
  const profile = await app.call('profiles.create', { draft: { ...base, name, sizes } });
  return profile.id;
}

/** Makes a folder under the app's temp root and has the server watch it with the profile; answers its path. */
export async function watchNewFolder(app: AppServer, name: string, profileId: string): Promise<string> {
  const path = app.makeFolder(name);
  await app.call('folders.add', { path, profileId });
  return path;
}
