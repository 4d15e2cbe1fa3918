import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserMarks } from '../../../../electron/shared';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

const marksKey = (jobId: string) => ['marks', jobId] as const;

/** A job's source marks, saving new ones (which remakes the job's local sizes: their previews are fetched again), and re-running its fal sizes. */
export function useSourceMarks(jobId: string) {
  const api = useApi();
  const client = useQueryClient();
  const marks = useQuery({ queryKey: marksKey(jobId), queryFn: () => api.marks.get({ jobId }) });
  const save = useMutation({
    mutationFn: (next: UserMarks) => api.marks.set({ jobId, marks: next }),
    onSuccess: (result) => {
      client.setQueryData(marksKey(jobId), { marks: result.marks, updatedAt: result.updatedAt, sidecarPath: result.sidecarPath });
      void client.invalidateQueries({ queryKey: queryKeys.job(jobId) });
      void client.invalidateQueries({ queryKey: queryKeys.historyAll });
      // Remade files keep their paths: previews keyed by path must be fetched again.
      void client.invalidateQueries({ queryKey: ['thumbnail'] });
    },
  });
  // The fal sizes re-run after the marks (one request each): the job, its versions, previews and the ledger change.
  const rerunFal = useMutation({
    mutationFn: () => api.marks.rerunFal({ jobId }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.job(jobId) }),
        client.invalidateQueries({ queryKey: ['review', 'versions', jobId] }),
        client.invalidateQueries({ queryKey: ['thumbnail'] }),
        client.invalidateQueries({ queryKey: ['spend'] }),
      ]),
  });
  return { marks, save, rerunFal };
}
