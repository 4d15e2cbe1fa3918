import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/HostProvider';

/**
 * An output's exact bytes and the matching region of its source at the same size, for the large view. `revision`
 * (something that changes with the file, such as its byte count) keys them, so a remade size is fetched again.
 */
export function useCompareImages(jobId: string, path: string, revision: number | null) {
  const api = useApi();
  const after = useQuery({
    queryKey: ['review', 'image', jobId, path, revision],
    queryFn: () => api.review.image({ jobId, path }),
    staleTime: 30_000,
    gcTime: 60_000,
  });
  const before = useQuery({
    queryKey: ['review', 'before', jobId, path, revision],
    queryFn: () => api.review.before({ jobId, path }),
    staleTime: 30_000,
    gcTime: 60_000,
  });
  return { after, before };
}
