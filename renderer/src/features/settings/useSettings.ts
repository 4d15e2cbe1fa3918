import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingsPatch } from '../../../../electron/shared';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

/** The app settings and their update. */
export function useSettings() {
  const api = useApi();
  const client = useQueryClient();
  return {
    settings: useQuery({ queryKey: queryKeys.settings, queryFn: () => api.settings.get() }),
    update: useMutation({
      mutationFn: (patch: SettingsPatch) => api.settings.update(patch),
      onSuccess: (settings) => {
        client.setQueryData(queryKeys.settings, settings);
        // The default provider decides whether a drop is quoted at fal or free on the local engine.
        void client.invalidateQueries({ queryKey: ['estimate'] });
      },
    }),
  };
}

/** The fal key's status, and setting or clearing it (the key itself never comes back). */
export function useFalKey() {
  const api = useApi();
  const client = useQueryClient();
  const store = (status: Awaited<ReturnType<typeof api.falKey.status>>) => {
    client.setQueryData(queryKeys.falKey, status);
    // With or without a key, a drop is quoted differently (fal's prices, or free on the local engine).
    void client.invalidateQueries({ queryKey: ['estimate'] });
  };
  return {
    status: useQuery({ queryKey: queryKeys.falKey, queryFn: () => api.falKey.status() }),
    set: useMutation({ mutationFn: (key: string) => api.falKey.set({ key }), onSuccess: store }),
    clear: useMutation({ mutationFn: () => api.falKey.clear(), onSuccess: store }),
    /** One authenticated call to fal with the typed key, or the saved one when none is typed. */
    test: useMutation({ mutationFn: (typedKey: string | undefined) => api.falKey.test(typedKey ? { key: typedKey } : undefined) }),
  };
}
