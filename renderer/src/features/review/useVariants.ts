import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

/** A job's kept fal variants, and choosing one for its size (the file, its previews, versions and variants refetched). */
export function useVariants(jobId: string) {
  const api = useApi();
  const client = useQueryClient();
  const variantsKey = ['review', 'variants', jobId] as const;
  const variants = useQuery({ queryKey: variantsKey, queryFn: () => api.review.variants({ jobId }) });
  const pick = useMutation({
    mutationFn: ({ target, variant }: { target: string; variant: number; path: string }) => api.review.pickVariant({ jobId, target, variant }),
    onSettled: (_made, _error, { path }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.job(jobId) }),
        client.invalidateQueries({ queryKey: variantsKey }),
        client.invalidateQueries({ queryKey: ['review', 'versions', jobId] }),
        client.invalidateQueries({ queryKey: ['thumbnail', path] }),
        client.invalidateQueries({ queryKey: ['review', 'image', jobId, path] }),
        client.invalidateQueries({ queryKey: ['review', 'before', jobId, path] }),
      ]),
  });
  return { variants, pick };
}

/** One variant's exact bytes, for showing the variants side by side (they never change, so kept a while). */
export function useVariantImage(jobId: string, target: string, variant: number) {
  const api = useApi();
  return useQuery({ queryKey: ['review', 'variantImage', jobId, target, variant], queryFn: () => api.review.variantImage({ jobId, target, variant }), staleTime: Infinity, gcTime: 120_000 });
}
