import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';
import { useQueueState } from '../queue/useQueue';

/**
 * Work held in waiting_budget: bursts awaiting a go-ahead and jobs over a cap. The queue's live count of
 * waiting_budget jobs is part of the key, so the list refetches exactly when jobs are held or let go.
 */
export function useHeldWork() {
  const api = useApi();
  const queue = useQueueState();
  const waiting = queue.data?.counts.waiting_budget ?? 0;
  return useQuery({
    queryKey: queryKeys.heldWork(waiting),
    queryFn: () => api.spend.held(),
    // A burst grows file by file: keep showing the banner while its new count loads, rather than flickering.
    placeholderData: keepPreviousData,
  });
}

/** Go ahead with, or discard, the burst held for a folder (null: dropped files). */
export function useBurstDecision() {
  const api = useApi();
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: queryKeys.spendAll });
    void client.invalidateQueries({ queryKey: queryKeys.activeJobs });
  };
  return {
    release: useMutation({ mutationFn: (folderId: string | null) => api.spend.releaseBurst({ folderId }), onSuccess: refresh }),
    discard: useMutation({ mutationFn: (folderId: string | null) => api.spend.discardBurst({ folderId }), onSuccess: refresh }),
  };
}
