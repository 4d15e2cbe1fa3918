import { useSyncExternalStore } from 'react';
import { pageFromHash, type PageId } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The current page from the URL hash. Hash routing works the same from Electron's file:// page and from the
 * headless server, with no server-side route table.
 */
export function useHashRoute(): PageId {
  return useSyncExternalStore(subscribe, () => pageFromHash(window.location.hash));
}
