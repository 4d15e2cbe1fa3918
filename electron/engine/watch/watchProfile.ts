import type { Profile, ProfileStore } from '../profiles';
import type { SizePolicy } from '../../domain/sizes';
import type { JobProvider } from '../store';
import type { WatchProfile } from './watchTypes';

/**
 * The job's provider from its sizes' policies: all `local` -> local, all `fal` -> fal, anything else (an `auto`
 * size is decided per image) -> mixed.
 */
export function jobProviderForSizes(sizes: readonly { readonly policy: SizePolicy }[]): JobProvider {
  if (sizes.length > 0 && sizes.every((size) => size.policy === 'local')) return 'local';
  if (sizes.every((size) => size.policy === 'fal')) return 'fal';
  return 'mixed';
}

/** What the watcher needs of a stored profile version. */
export function watchProfileFrom(profile: Profile): WatchProfile {
  return {
    id: profile.id,
    version: profile.version,
    name: profile.name,
    sizes: profile.sizes.map(({ width, height }) => ({ width, height })),
    template: profile.naming.template,
    provider: jobProviderForSizes(profile.sizes),
  };
}

/** A `resolveProfile` for HotFolderManager over the profile store: the latest version of the profile, by id. */
export function profileResolverFrom(store: Pick<ProfileStore, 'find'>): (profileId: string) => WatchProfile | undefined {
  return (profileId) => {
    const profile = store.find(profileId);
    return profile && watchProfileFrom(profile);
  };
}
