import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { HostProvider } from './api/HostProvider';
import { connectHost } from './api/host';
import { AppShell } from './shell/AppShell';

/** The application: one host connection and one query cache for the page's lifetime. */
export function App() {
  const [host] = useState(connectHost);
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // Events keep data fresh, so no refetch on focus; failed calls show their message instead of retrying.
        defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1, staleTime: 10_000 }, mutations: { retry: false } },
      }),
  );
  return (
    <HostProvider host={host}>
      <QueryClientProvider client={queryClient}>
        <AppShell />
      </QueryClientProvider>
    </HostProvider>
  );
}
