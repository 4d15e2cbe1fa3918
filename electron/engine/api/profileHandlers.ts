import type { ApiHandlers } from '../../shared/contract/types';
import { SmartResizeError } from '../../domain/errors';
import { isBuiltinProfileId } from '../profiles/builtinProfiles';
import type { EngineParts } from '../runtime/engineParts';
import type { Profile } from '../profiles';
import { apiPresets, toApiProfile as toApiProfileOf, toProfileInput, toProfilePatch } from './profileDto';

/** profiles.*: the engine's versioned profile store behind the contract. */
export function profileHandlers(engine: EngineParts): ApiHandlers['profiles'] {
  const { profiles, presets } = engine;
  const toApiProfile = (profile: Profile) => toApiProfileOf(profile, profiles.isShared(profile.id), profiles.sharingStopped(profile.id));
  return {
    list: async () => profiles.list().map(toApiProfile),
    get: async ({ id }) => toApiProfile(profiles.get(id)),
    presets: async () => apiPresets(),
    create: async ({ draft }) => toApiProfile(profiles.create(toProfileInput(draft))),
    // A team preset's edit is saved through the team's database first (see TeamPresets.editProfile).
    update: async ({ id, draft }) => toApiProfile(await presets.editProfile(id, () => profiles.update(id, toProfilePatch(draft)))),
    share: async ({ id }) => {
      if (!presets.available) throw new SmartResizeError('invalid_settings', 'Profiles are shared with a team through its PostgreSQL store: this app uses its own SQLite store.');
      return toApiProfile(await presets.shareProfile(id));
    },
    stopSharing: async ({ id }) => toApiProfile(await presets.stopSharing(id)),
    remove: async ({ id }) => {
      // A folder may name it by the team's id of the stopped team preset it is this instance's copy of.
      const profileId = profiles.get(id).id;
      const users = engine.settings.get().folders.filter((folder) => profiles.find(folder.profileId)?.id === profileId);
      if (users.length > 0) {
        throw new SmartResizeError('invalid_profile', `This profile is used by ${users.map((folder) => folder.path).join(', ')}: give those folders another profile first.`);
      }
      await presets.editProfile(id, () => profiles.remove(id));
      return { ok: true as const };
    },
    createFromPreset: async ({ presetId, name }) => {
      // New profiles take the naming the person chose in Settings; each profile keeps its own afterwards.
      const { namingTemplate, collisionPolicy } = engine.settings.get();
      return toApiProfile(profiles.createFromPreset(presetId, name, { template: namingTemplate, collision: collisionPolicy }));
    },
    import: async ({ json, ifExists }) => {
      const asked = profiles.importProfile(json, { reportConflict: true });
      const canReplace = !isBuiltinProfileId(asked.profile.id);
      if (asked.outcome !== 'conflict' || ifExists === 'ask') return { outcome: asked.outcome, profile: toApiProfile(asked.profile), canReplace };
      if (ifExists === 'replace' && !canReplace) {
        throw new SmartResizeError('invalid_profile', `"${asked.profile.name}" is a built-in preset and cannot be replaced: keep both instead.`);
      }
      const saved = profiles.importProfile(json, { replaceExisting: ifExists === 'replace' });
      return { outcome: saved.outcome, profile: toApiProfile(saved.profile), canReplace };
    },
    export: async ({ id }) => {
      const profile = profiles.get(id);
      const fileName = `${profile.name.replace(/[^\p{L}\p{N} _-]+/gu, '-').trim() || 'profile'}.json`;
      return { fileName, json: profiles.exportProfile(id) };
    },
  };
}
