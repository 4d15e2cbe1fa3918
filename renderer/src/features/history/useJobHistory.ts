import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/HostProvider';
import { queryKeys, type HistoryFilters } from '../../api/queryKeys';
import { jobHistoryQuery } from './historyQueries';

/** The history, newest first, fetched page by page with the store's keyset cursor as the list scrolls. */
export function useJobHistory(filters: HistoryFilters) {
  return useInfiniteQuery(jobHistoryQuery(useApi(), filters));
}

/** One job with its log. */
export function useJobDetail(id: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.job(id), queryFn: () => api.jobs.detail({ id }) });
}

/** Retry a failed job, and the shell actions on its files. */
export function useJobActions() {
  const api = useApi();
  const client = useQueryClient();
  return {
    retry: useMutation({
      mutationFn: (id: string) => api.jobs.retry({ id }),
      onSuccess: (job) => {
        void client.invalidateQueries({ queryKey: queryKeys.job(job.id) });
        void client.invalidateQueries({ queryKey: queryKeys.historyAll });
      },
    }),
    makeAnyway: useMutation({
      mutationFn: (id: string) => api.jobs.makeAnyway({ id }),
      onSuccess: (job) => {
        void client.invalidateQueries({ queryKey: queryKeys.job(job.id) });
        void client.invalidateQueries({ queryKey: queryKeys.historyAll });
      },
    }),
    reveal: useMutation({ mutationFn: (path: string) => api.shell.revealPath({ path }) }),
    open: useMutation({ mutationFn: (path: string) => api.shell.openPath({ path }) }),
  };
}
