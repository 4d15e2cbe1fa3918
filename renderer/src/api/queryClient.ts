import { QueryClient } from '@tanstack/react-query';

/** The page's one query cache. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    // Events keep data fresh, so no refetch on focus; failed calls show their message instead of retrying.
    defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1, staleTime: 10_000 }, mutations: { retry: false } },
  });
}
