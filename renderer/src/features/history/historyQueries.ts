import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query';
import type { RendererApi } from '../../../../electron/shared';
import { queryKeys, type HistoryFilters } from '../../api/queryKeys';
import { profilesQuery } from '../profiles/useProfiles';

const PAGE_SIZE = 100;

/** The history, newest first, fetched page by page with the store's keyset cursor as the list scrolls. */
export function jobHistoryQuery(api: RendererApi, filters: HistoryFilters) {
  return infiniteQueryOptions({
    queryKey: queryKeys.history(filters),
    queryFn: ({ pageParam }) => api.jobs.query({ ...filters, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/**
 * Starts what History's first rows show (the newest jobs and the names of their profiles) so it is on its way while
 * the page's code loads; the page's own queries then find it in the cache.
 */
export function preloadHistory(client: QueryClient, api: RendererApi): void {
  void client.prefetchInfiniteQuery(jobHistoryQuery(api, {}));
  void client.prefetchQuery(profilesQuery(api));
}
