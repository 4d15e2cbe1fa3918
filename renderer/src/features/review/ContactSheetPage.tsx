import { LayoutGrid } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { JobOutput } from '../../../../electron/shared';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { PageHeader } from '../../ui/PageHeader';
import { hashParams } from '../../shell/routes';
import { useJobHistory } from '../history/useJobHistory';
import { ContactSheet } from './ContactSheet';
import { LargeView } from './LargeView';
import { ZipDownloadLink } from '../filesOut/ZipDownloadLink';
import { sheetColumns } from './sheetColumns';
import { sheetFiltersFrom } from './sheetFilters';

/** Tallest cell picture and widest cell: 50 sources at a time on a laptop screen, every size beside the next. */
const ROW_PICTURE = 96;
const MAX_CELL_WIDTH = 260;

/** A batch at a glance: rows of sources, columns of sizes, for the jobs History showed with its filters. */
export function ContactSheetPage() {
  const [filters] = useState(() => sheetFiltersFrom(hashParams(window.location.hash)));
  const history = useJobHistory(filters);
  const jobs = useMemo(() => history.data?.pages.flatMap((page) => page.items) ?? [], [history.data]);
  const columns = useMemo(() => sheetColumns(jobs, ROW_PICTURE, MAX_CELL_WIDTH), [jobs]);
  const [large, setLarge] = useState<{ jobId: string; output: JobOutput } | null>(null);
  return (
    <>
      <PageHeader
        title="Contact sheet"
        subtitle={`${jobs.length}${history.hasNextPage ? '+' : ''} source${jobs.length === 1 ? '' : 's'} × ${columns.length} size${columns.length === 1 ? '' : 's'}, as History filtered them. Click a picture to open it large.`}
        actions={
          <>
            {jobs.length > 0 && <ZipDownloadLink selection={{ filters: { ...filters } }} what="every job on this sheet, sizes as folders" />}
            <a className="btn" href="#/history">History</a>
          </>
        }
      />
      <ErrorNote error={history.error} />
      {history.data && jobs.length === 0 ? (
        <EmptyState icon={<LayoutGrid size={28} />} title="No jobs match">Go back to History and change the filters.</EmptyState>
      ) : (
        <ContactSheet
          jobs={jobs}
          columns={columns}
          rowPicture={ROW_PICTURE}
          hasMore={history.hasNextPage}
          loadingMore={history.isFetchingNextPage}
          loadMore={() => void history.fetchNextPage()}
          onOpen={(jobId, output) => setLarge({ jobId, output })}
        />
      )}
      {large && <LargeView jobId={large.jobId} output={large.output} onClose={() => setLarge(null)} />}
    </>
  );
}
