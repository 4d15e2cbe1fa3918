import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PENDING_JOB_STATES } from '../../../../electron/domain/jobStates';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';
import { mergeFetchedJobs, stillActive } from '../../api/jobCacheMerge';
import type { Job } from '../../../../electron/shared';

/** The queue state, kept live by `queue.changed` events. */
export function useQueueState() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.queue, queryFn: () => api.queue.state(), staleTime: Infinity });
}

/** Jobs not finished yet, oldest first (the order they run), patched live by job events. */
export function useActiveJobs() {
  const api = useApi();
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.activeJobs,
    queryFn: async () => {
      const fetched = (await api.jobs.query({ states: [...PENDING_JOB_STATES], limit: 500 })).items.reverse();
      // Events that arrived while the answer travelled are newer than it: keep them.
      return mergeFetchedJobs(client.getQueryData<Job[]>(queryKeys.activeJobs), fetched);
    },
    select: stillActive,
    staleTime: Infinity,
  });
}

/** Pause or resume the whole queue. */
export function usePauseResume() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (pause: boolean) => (pause ? api.queue.pause() : api.queue.resume()),
    onSuccess: (queue) => client.setQueryData(queryKeys.queue, queue),
  });
}

/** Cancel one job (the host also cancels its fal request). */
export function useCancelJob() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.jobs.cancel({ id }),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.activeJobs }),
  });
}
