import { Suspense } from 'react';
import { useApiEvents } from '../api/useApiEvents';
import { useSpendEvents } from '../features/spend/useSpendEvents';
import { ConnectionBanner } from './ConnectionBanner';
import { HeldWorkBanner } from './HeldWorkBanner';
import { NoticeToasts } from './NoticeToasts';
import { pageComponent } from './pages';
import { PageSkeleton } from './PageSkeleton';
import { Sidebar } from './Sidebar';
import { useHashRoute } from './useHashRoute';

/** Sidebar plus the current page, with the host's events keeping every cache live and held work always in view. */
export function AppShell() {
  useApiEvents();
  useSpendEvents();
  const page = useHashRoute();
  const Page = pageComponent(page);
  return (
    <div className="app">
      <Sidebar current={page} />
      <div className="main">
        <ConnectionBanner />
        <HeldWorkBanner />
        <main className={`page page-${page}`}>
          <Suspense fallback={<PageSkeleton page={page} />}>
            <Page />
          </Suspense>
        </main>
      </div>
      <NoticeToasts />
    </div>
  );
}
