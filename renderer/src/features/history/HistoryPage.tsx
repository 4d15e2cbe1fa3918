import { History, LayoutGrid } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import type { HistoryFilters } from '../../api/queryKeys';
import { hashParams } from '../../shell/routes';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { PageHeader } from '../../ui/PageHeader';
import { useFolders } from '../folders/useFolders';
import { useProfiles } from '../profiles/useProfiles';
import { HistoryFiltersBar } from './HistoryFiltersBar';
import { HistoryList } from './HistoryList';
import { JobDetailPanel } from './JobDetailPanel';
import { useJobHistory } from './useJobHistory';
import { contactSheetLink } from '../review/sheetFilters';
import { profileLabel } from '../profiles/profileLabel';

/** Every job ever run, filterable, with details and retry. */
export function HistoryPage() {
  // Other pages link here with `#/history?job=ID&search=NAME` (Spend's most expensive jobs): open on that job.
  const [linked] = useState(() => hashParams(window.location.hash));
  const [filters, setFilters] = useState<HistoryFilters>({});
  const [selectedId, setSelectedId] = useState<string | null>(linked.get('job'));
  const history = useJobHistory(filters);
  const folders = useFolders();
  const profiles = useProfiles();
  const jobs = useMemo(() => history.data?.pages.flatMap((page) => page.items) ?? [], [history.data]);
  const names = useMemo(() => new Map(profiles.data?.map((profile) => [profile.id, profileLabel(profile)])), [profiles.data]);
  const profileName = useCallback((id: string) => names.get(id) ?? 'Deleted profile', [names]);
  const { fetchNextPage } = history;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  return (
    <>
      <PageHeader
        title="History"
        subtitle="Every job, newest first. Select one for its outputs, before/after views and log."
        actions={
          <a className="btn" href={contactSheetLink(filters)} title="Every job listed here as rows of sources and columns of sizes">
            <LayoutGrid size={16} aria-hidden /> Contact sheet
          </a>
        }
      />
      <HistoryFiltersBar folders={folders.data ?? []} profiles={profiles.data ?? []} initialSearch={linked.get('search') ?? ''} onChange={setFilters} />
      <ErrorNote error={history.error} />
      <div className={`history-layout ${selectedId ? 'with-detail' : ''}`}>
        {history.data && jobs.length === 0 ? (
          <EmptyState icon={<History size={28} />} title="No jobs match">Try other filters, or drop some images.</EmptyState>
        ) : (
          <HistoryList
            jobs={jobs}
            hasMore={history.hasNextPage}
            loadingMore={history.isFetchingNextPage}
            loadMore={loadMore}
            profileName={profileName}
            selectedId={selectedId}
            onSelect={setSelectedId}
          />
        )}
        {selectedId && <JobDetailPanel id={selectedId} profileName={profileName} onClose={() => setSelectedId(null)} onOpenJob={setSelectedId} />}
      </div>
    </>
  );
}
