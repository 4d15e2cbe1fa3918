import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SourceBoxView } from '../../../../electron/shared';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

/** A job's kept output versions, and the fixes that make new ones (a nudge, a method switch, a restore); each refetches the job. */
export function useOutputFixes(jobId: string) {
  const api = useApi();
  const client = useQueryClient();
  const versionsKey = ['review', 'versions', jobId] as const;
  const versions = useQuery({ queryKey: versionsKey, queryFn: () => api.review.versions({ jobId }) });
  // The fixed file keeps its path: its previews and full-size images are fetched again, with the job and versions.
  const refresh = (path: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.job(jobId) }),
      client.invalidateQueries({ queryKey: versionsKey }),
      // A restore may bring another variant set back (a re-run's or the run's): the variant badges and picker follow.
      client.invalidateQueries({ queryKey: ['review', 'variants', jobId] }),
      client.invalidateQueries({ queryKey: ['thumbnail', path] }),
      client.invalidateQueries({ queryKey: ['review', 'image', jobId, path] }),
      client.invalidateQueries({ queryKey: ['review', 'before', jobId, path] }),
    ]);
  return {
    versions,
    nudge: useMutation({
      mutationFn: ({ path, window }: { path: string; window: SourceBoxView }) => api.review.nudge({ jobId, path, window }),
      onSettled: (_made, _error, { path }) => refresh(path),
    }),
    switchMethod: useMutation({
      mutationFn: ({ path, method, fill }: { path: string; method: 'crop' | 'pad'; fill?: 'blur' | 'extend' | 'solid' | 'mirror' }) =>
        api.review.switchMethod({ jobId, path, method, ...(fill ? { fill } : {}) }),
      onSettled: (_made, _error, { path }) => refresh(path),
    }),
    restore: useMutation({
      mutationFn: ({ path, version }: { path: string; version: number }) => api.review.restore({ jobId, path, version }),
      onSettled: (_made, _error, { path }) => refresh(path),
    }),
  };
}
