import type { Profile as ApiProfile, ProfileDraft, ProfilePreset } from '../../shared/schemas/profile';
import { BUILTIN_PROFILES, isBuiltinProfileId, type Profile, type ProfileInput, type ProfilePatch } from '../profiles';

/** An engine profile as the UI sees it; `shared` when it is a team preset here, `sharingStopped` once it was one. */
export function toApiProfile(profile: Profile, shared = false, sharingStopped = false): ApiProfile {
  return {
    id: profile.id,
    name: profile.name,
    version: profile.version,
    sizes: profile.sizes.map(({ width, height, policy, placement }) => ({ width, height, policy, ...(placement ? { placement } : {}) })),
    output: {
      format: profile.output.format,
      quality: profile.output.quality,
      ...(profile.output.maxKB !== undefined ? { maxKB: profile.output.maxKB } : {}),
      copyMetadata: profile.output.copyMetadata,
    },
    naming: { template: profile.naming.template, collision: profile.naming.collision },
    fal: {
      prompt: profile.fal.prompt,
      numImagesPerSize: profile.fal.numImagesPerSize,
      resolution: profile.fal.resolution,
      safetyTolerance: profile.fal.safetyTolerance,
      ...(profile.fal.seed !== undefined && { seed: profile.fal.seed }),
      variants: profile.fal.variants,
    },
    builtIn: isBuiltinProfileId(profile.id),
    ...(shared && { shared }),
    ...(sharingStopped && { sharingStopped }),
    updatedAt: Date.parse(profile.updatedAt) || 0,
  };
}

/** The UI's draft as engine input (the engine validates it again with its own rules). */
export function toProfileInput(draft: ProfileDraft): ProfileInput {
  return {
    name: draft.name,
    sizes: draft.sizes,
    output: draft.output,
    naming: draft.naming,
    fal: { ...draft.fal, seed: draft.fal.seed },
  };
}

/** The editor always sends the whole profile: a seed left empty must clear the stored one. */
export function toProfilePatch(draft: ProfileDraft): ProfilePatch {
  return { ...toProfileInput(draft), fal: { ...draft.fal, seed: draft.fal.seed ?? null } };
}

/** The built-in presets as starting points for the editor. */
export function apiPresets(): ProfilePreset[] {
  return BUILTIN_PROFILES.map((profile) => {
    const api = toApiProfile(profile);
    return {
      id: profile.id,
      name: profile.name,
      description: `${profile.sizes.length} sizes: ${profile.sizes.map((size) => size.placement ?? `${size.width}x${size.height}`).join(', ')}`,
      draft: { name: api.name, sizes: api.sizes, output: api.output, naming: api.naming, fal: api.fal },
    };
  });
}
