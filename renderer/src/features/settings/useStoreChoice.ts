import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StoreChoice } from '../../../../electron/shared';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

/** The job store in use and the one saved, this instance's team name, and saving either (applied at the next start). */
export function useStoreChoice() {
  const api = useApi();
  const client = useQueryClient();
  const saved = (choice: StoreChoice) => client.setQueryData(queryKeys.storeChoice, choice);
  return {
    choice: useQuery({ queryKey: queryKeys.storeChoice, queryFn: () => api.settings.store() }),
    /** A postgres:// URL (the engine connects to it before saving it) or null: SQLite in the data folder. */
    setStore: useMutation({ mutationFn: (url: string | null) => api.settings.setStore({ url }), onSuccess: saved }),
    /** A name, or null: the default (`user@host`). */
    setInstance: useMutation({ mutationFn: (name: string | null) => api.settings.setInstance({ name }), onSuccess: saved }),
  };
}
