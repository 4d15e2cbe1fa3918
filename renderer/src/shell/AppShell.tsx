import { lazy, Suspense, type ComponentType } from 'react';
import { useApiEvents } from '../api/useApiEvents';
import { useSpendEvents } from '../features/spend/useSpendEvents';
import { ConnectionBanner } from './ConnectionBanner';
import { HeldWorkBanner } from './HeldWorkBanner';
import type { PageId } from './routes';
import { Sidebar } from './Sidebar';
import { useHashRoute } from './useHashRoute';

/** A page loaded on first visit, so the start-up bundle carries only the shell (charts and forms come later). */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const PAGE_COMPONENTS: Record<PageId, ComponentType> = {
  drop: lazyPage(() => import('../features/drop/DropPage'), 'DropPage'),
  folders: lazyPage(() => import('../features/folders/FoldersPage'), 'FoldersPage'),
  profiles: lazyPage(() => import('../features/profiles/ProfilesPage'), 'ProfilesPage'),
  queue: lazyPage(() => import('../features/queue/QueuePage'), 'QueuePage'),
  history: lazyPage(() => import('../features/history/HistoryPage'), 'HistoryPage'),
  spend: lazyPage(() => import('../features/spend/SpendPage'), 'SpendPage'),
  settings: lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage'),
};

/** Sidebar plus the current page, with the host's events keeping every cache live and held work always in view. */
export function AppShell() {
  useApiEvents();
  useSpendEvents();
  const page = useHashRoute();
  const Page = PAGE_COMPONENTS[page];
  return (
    <div className="app">
      <Sidebar current={page} />
      <div className="main">
        <ConnectionBanner />
        <HeldWorkBanner />
        <main className={`page page-${page}`}>
          <Suspense fallback={<p className="page-loading">Loading…</p>}>
            <Page />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
