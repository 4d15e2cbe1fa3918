import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

/**
 * One output's re-run at fal: whether it can go now and its price (asked again whenever the large view shows it,
 * so a key or budget change is seen), and the re-run itself, after which the job, its versions, the ledger and the
 * size's images are fetched again.
 */
export function useFalRerun(jobId: string, path: string) {
  const api = useApi();
  const client = useQueryClient();
  const offerKey = ['review', 'falRerunOffer', jobId, path] as const;
  const offer = useQuery({ queryKey: offerKey, queryFn: () => api.review.falRerunOffer({ jobId, path }), staleTime: 0 });
  const rerun = useMutation({
    mutationFn: () => api.review.rerunFal({ jobId, path }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.job(jobId) }),
        client.invalidateQueries({ queryKey: ['review', 'versions', jobId] }),
        // A re-run with several images per size makes the size's new variant set.
        client.invalidateQueries({ queryKey: ['review', 'variants', jobId] }),
        client.invalidateQueries({ queryKey: offerKey }),
        client.invalidateQueries({ queryKey: ['thumbnail', path] }),
        client.invalidateQueries({ queryKey: ['review', 'image', jobId, path] }),
        client.invalidateQueries({ queryKey: ['spend'] }),
      ]),
  });
  return { offer, rerun };
}
