import { SmartResizeError } from '../../../electron/domain/errors';
import { ProfileDraftSchema, type ApiHandlers, type Profile, type ProfileDraft } from '../../../electron/shared';
import { FAKE_PRESETS } from './fakePresets';
import { nextFakeId, type FakeState } from './fakeState';

function findProfile(state: FakeState, id: string): Profile {
  const profile = state.profiles.find((candidate) => candidate.id === id);
  if (!profile) throw new SmartResizeError('profile_not_found', `There is no profile with id "${id}".`);
  return profile;
}

function saveNew(state: FakeState, draft: ProfileDraft): Profile {
  const profile: Profile = { ...structuredClone(draft), id: nextFakeId(state, 'prof'), version: 1, builtIn: false, updatedAt: Date.now() };
  state.profiles.push(profile);
  return profile;
}

/** Profile verbs over the fake state, refusing what the real store refuses (editing built-ins, removing used ones). */
export function fakeProfileHandlers(state: FakeState): ApiHandlers['profiles'] {
  return {
    list: async () => state.profiles,
    get: async ({ id }) => findProfile(state, id),
    presets: async () => FAKE_PRESETS,
    create: async ({ draft }) => saveNew(state, draft),
    update: async ({ id, draft }) => {
      const profile = findProfile(state, id);
      if (profile.builtIn) throw new SmartResizeError('invalid_profile', `"${profile.name}" is built in: duplicate it to make changes.`);
      Object.assign(profile, structuredClone(draft), { version: profile.version + 1, updatedAt: Date.now() });
      return profile;
    },
    remove: async ({ id }) => {
      const profile = findProfile(state, id);
      const user = state.folders.find((folder) => folder.profileId === id);
      if (profile.builtIn) throw new SmartResizeError('invalid_profile', `"${profile.name}" is built in and cannot be removed.`);
      if (user) throw new SmartResizeError('invalid_profile', `"${profile.name}" is used by the folder ${user.path}: choose another profile there first.`);
      state.profiles = state.profiles.filter((candidate) => candidate.id !== id);
      return { ok: true as const };
    },
    share: async ({ id }) => {
      const profile = findProfile(state, id);
      if (profile.builtIn) throw new SmartResizeError('invalid_profile', `"${profile.name}" is built in: duplicate it to share it.`);
      profile.shared = true;
      return profile;
    },
    stopSharing: async ({ id }) => {
      const profile = findProfile(state, id);
      if (profile.shared) profile.sharingStopped = true;
      delete profile.shared;
      return profile;
    },
    createFromPreset: async ({ presetId, name }) => {
      const preset = FAKE_PRESETS.find((candidate) => candidate.id === presetId);
      if (!preset) throw new SmartResizeError('profile_not_found', `There is no preset "${presetId}".`);
      return saveNew(state, { ...preset.draft, name: name ?? preset.name });
    },
    import: async ({ json, ifExists }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch {
        throw new SmartResizeError('invalid_profile', 'That file is not JSON: export a profile from Smart Resize and import that file.');
      }
      const body = (parsed as { profile?: unknown }).profile ?? parsed;
      const draft = ProfileDraftSchema.safeParse(body);
      if (!draft.success) throw new SmartResizeError('invalid_profile', `That file is not a valid profile: ${draft.error.issues[0]?.message}`);
      // Like the real store: a taken name is asked about (the fake never compares contents).
      const taken = state.profiles.find((profile) => profile.name.toLowerCase() === draft.data.name.toLowerCase());
      if (taken && ifExists === 'ask') return { outcome: 'conflict' as const, profile: taken, canReplace: !taken.builtIn };
      if (taken && ifExists === 'keep_both') return { outcome: 'renamed' as const, profile: saveNew(state, { ...draft.data, name: `${draft.data.name} (imported)` }), canReplace: !taken.builtIn };
      if (taken) {
        Object.assign(taken, structuredClone(draft.data), { version: taken.version + 1, updatedAt: Date.now() });
        return { outcome: 'new_version' as const, profile: taken, canReplace: true };
      }
      return { outcome: 'created' as const, profile: saveNew(state, draft.data), canReplace: true };
    },
    export: async ({ id }) => {
      const { name, sizes, output, naming, fal } = findProfile(state, id);
      const fileName = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'profile'}.json`;
      return { fileName, json: JSON.stringify({ format: 'smart-resize-profile', version: 1, profile: { name, sizes, output, naming, fal } }, null, 2) };
    },
  };
}
