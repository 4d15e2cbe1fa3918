import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/HostProvider';
import { queryKeys } from '../../api/queryKeys';

/** The cost range of running a profile on N files, before anything is sent. */
export function useEstimate(profileId: string | undefined, fileCount: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.estimate(profileId ?? '', fileCount),
    queryFn: () => api.estimate.batch({ profileId: profileId!, fileCount }),
    enabled: Boolean(profileId),
    placeholderData: keepPreviousData,
  });
}
