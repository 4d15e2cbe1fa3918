import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FolderSettings, VerbCallInput } from '../../../../electron/shared';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

/** Watched folders, kept live by `folder.changed` events. */
export function useFolders() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.folders, queryFn: () => api.folders.list() });
}

/** Folder writes; each refreshes the list. */
export function useFolderMutations() {
  const api = useApi();
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: queryKeys.folders });
  return {
    add: useMutation({ mutationFn: (input: VerbCallInput<'folders.add'>) => api.folders.add(input), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: Partial<FolderSettings> }) => api.folders.update({ id, patch }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.folders.remove({ id }), onSuccess: refresh }),
  };
}
