import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserMarks } from '../../../../electron/shared';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

const marksKey = (jobId: string) => ['marks', jobId] as const;

/** A job's source marks, and saving new ones (which remakes the job's local sizes: their previews are fetched again). */
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
  return { marks, save };
}
