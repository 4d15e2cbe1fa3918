import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Profile, ProfileDraft, RendererApi } from '../../../../electron/shared';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

/** The profile list's query, shared by the hook and the start-up preload. */
export function profilesQuery(api: RendererApi) {
  return queryOptions({ queryKey: queryKeys.profiles, queryFn: () => api.profiles.list() });
}

/** Every profile. */
export function useProfiles() {
  return useQuery(profilesQuery(useApi()));
}

/** The built-in presets (they never change while the app runs). */
export function usePresets() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.presets, queryFn: () => api.profiles.presets(), staleTime: Infinity });
}

/** Profile writes; each refreshes the list and answers the saved profile. */
export function useProfileMutations() {
  const api = useApi();
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: queryKeys.profiles });
  return {
    save: useMutation({
      mutationFn: ({ id, draft }: { id: string | null; draft: ProfileDraft }): Promise<Profile> =>
        id ? api.profiles.update({ id, draft }) : api.profiles.create({ draft }),
      onSuccess: refresh,
    }),
    fromPreset: useMutation({ mutationFn: (presetId: string) => api.profiles.createFromPreset({ presetId }), onSuccess: refresh }),
    importJson: useMutation({
      mutationFn: ({ json, ifExists }: { json: string; ifExists: 'ask' | 'keep_both' | 'replace' }) => api.profiles.import({ json, ifExists }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.profiles.remove({ id }), onSuccess: refresh }),
    share: useMutation({ mutationFn: (id: string) => api.profiles.share({ id }), onSuccess: refresh }),
    stopSharing: useMutation({ mutationFn: (id: string) => api.profiles.stopSharing({ id }), onSuccess: refresh }),
    exportJson: useMutation({ mutationFn: (id: string) => api.profiles.export({ id }) }),
  };
}
