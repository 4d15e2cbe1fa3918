import { useSyncExternalStore } from 'react';
import { hashParams } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** One parameter of the current page's hash (`#/job?id=12` -> useHashParam('id') = '12'), live as the hash changes. */
export function useHashParam(name: string): string | null {
  return useSyncExternalStore(subscribe, () => hashParams(window.location.hash).get(name));
}
