import { useApiEvents } from '../api/useApiEvents';
import { DropPage } from '../features/drop/DropPage';
import { FoldersPage } from '../features/folders/FoldersPage';
import { HistoryPage } from '../features/history/HistoryPage';
import { ProfilesPage } from '../features/profiles/ProfilesPage';
import { QueuePage } from '../features/queue/QueuePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SpendPage } from '../features/spend/SpendPage';
import { useSpendEvents } from '../features/spend/useSpendEvents';
import { ConnectionBanner } from './ConnectionBanner';
import { HeldWorkBanner } from './HeldWorkBanner';
import type { PageId } from './routes';
import { Sidebar } from './Sidebar';
import { useHashRoute } from './useHashRoute';

const PAGE_COMPONENTS: Record<PageId, () => React.JSX.Element> = {
  drop: DropPage,
  folders: FoldersPage,
  profiles: ProfilesPage,
  queue: QueuePage,
  history: HistoryPage,
  spend: SpendPage,
  settings: SettingsPage,
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
          <Page />
        </main>
      </div>
    </div>
  );
}
