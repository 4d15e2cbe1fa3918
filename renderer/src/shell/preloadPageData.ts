import type { QueryClient } from '@tanstack/react-query';
import type { RendererApi } from '../../../electron/shared';
import { preloadHistory } from '../features/history/historyQueries';
import type { PageId } from './routes';

/**
 * Starts the calls the page the app opens on makes first, so they run while its code loads instead of after it
 * renders. History is the page worth it: its first rows need a database page and the profile names.
 */
export function preloadPageData(page: PageId, client: QueryClient, api: RendererApi): void {
  if (page === 'history') preloadHistory(client, api);
}
