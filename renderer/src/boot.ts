import type { QueryClient } from '@tanstack/react-query';
import { connectHost } from './api/host';
import type { Host } from './api/hostTypes';
import { createQueryClient } from './api/queryClient';
import { loadPage } from './shell/pages';
import { preloadPageData } from './shell/preloadPageData';
import { pageFromHash } from './shell/routes';

/** What the first render needs: the host connection and the query cache already fetching the page's data. */
export interface Booted {
  readonly host: Host;
  readonly queryClient: QueryClient;
}

// No await before the calls go out: code after an await runs only once the whole bundle has been evaluated.
function boot(): Promise<Booted> {
  const page = pageFromHash(window.location.hash);
  // A failed load is not fatal here: the page tries again when it renders.
  const pageCode = loadPage(page).catch(() => undefined);
  const queryClient = createQueryClient();
  const start = (host: Host): Promise<Booted> => {
    preloadPageData(page, queryClient, host.api);
    return pageCode.then(() => ({ host, queryClient }));
  };
  const host = connectHost();
  return host instanceof Promise ? host.then(start) : start(host);
}

/**
 * Started as this module is evaluated, which main.tsx arranges to be before React DOM's (the largest part of the
 * start-up bundle): the opening page's code and first data are on their way while the rest of the bundle runs.
 * Resolves once the page's code is here, so the first render shows the page in one step rather than after a
 * loading placeholder (which React keeps up for a minimum time).
 */
export const booted: Promise<Booted> = boot();
