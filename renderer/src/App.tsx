import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { HostProvider } from './api/HostProvider';
import type { Host } from './api/hostTypes';
import { AppShell } from './shell/AppShell';

/** The application: one host connection and one query cache for the page's lifetime. */
export function App({ host, queryClient }: { host: Host; queryClient: QueryClient }) {
  return (
    <HostProvider host={host}>
      <QueryClientProvider client={queryClient}>
        <AppShell />
      </QueryClientProvider>
    </HostProvider>
  );
}
