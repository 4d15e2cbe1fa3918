import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Job, JobOutput } from '../../../../electron/shared';
import { jobViewLink } from '../../shell/routes';
import { Thumbnail } from '../../ui/Thumbnail';
import { VariantBadge } from './VariantBadge';
import { JobStateBadge } from '../../ui/JobStateBadge';
import { observeScrollerRect } from '../history/scrollerRect';
import { usePainted } from '../history/usePainted';
import { previewSide } from './outputWindows';
import type { SheetColumn } from './sheetColumns';

/** Padding and caption under each row's pictures. */
const ROW_CHROME = 40;
const SOURCE_COLUMN = 180;
const LOAD_AHEAD_ROWS = 30;

interface Props {
  jobs: readonly Job[];
  columns: readonly SheetColumn[];
  rowPicture: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  onOpen: (jobId: string, output: JobOutput) => void;
}

/**
 * The sheet itself: a row per source (its name and state, then one cell per size), virtualised like History so only
 * the rows in view exist, with previews asked for once the list rests.
 */
export function ContactSheet({ jobs, columns, rowPicture, hasMore, loadingMore, loadMore, onOpen }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const rowHeight = rowPicture + ROW_CHROME;
  const virtualizer = useVirtualizer({
    count: hasMore ? jobs.length + 1 : jobs.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 2,
    useFlushSync: false,
    isScrollingResetDelay: 300,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    observeElementRect: observeScrollerRect,
  });
  const painted = usePainted(jobs.length > 0);
  const previews = painted && !virtualizer.isScrolling;
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (painted && hasMore && !loadingMore && lastIndex >= jobs.length - LOAD_AHEAD_ROWS) loadMore();
  }, [painted, hasMore, loadingMore, lastIndex, jobs.length, loadMore]);
  const width = SOURCE_COLUMN + columns.reduce((sum, column) => sum + column.width + 16, 0) + 16;

  return (
    <div ref={scroller} className="sheet-scroller" data-testid="sheet-scroller" role="table" aria-label="Contact sheet">
      <div className="sheet-head" style={{ width }} role="row">
        <span className="sheet-source" role="columnheader" style={{ width: SOURCE_COLUMN }}>Source</span>
        {columns.map((column) => (
          <span key={column.target} className="sheet-cell mono" role="columnheader" style={{ width: column.width }}>
            {column.target}
          </span>
        ))}
      </div>
      <div className="sheet-canvas" style={{ height: virtualizer.getTotalSize(), width }}>
        {items.map((item) => {
          const job = jobs[item.index];
          return (
            <div key={item.key} className="sheet-row" role="row" style={{ transform: `translateY(${item.start}px)`, height: item.size, width }}>
              {job ? (
                <>
                  <a className="sheet-source" role="rowheader" href={jobViewLink(job.id)} style={{ width: SOURCE_COLUMN }} title="Open the job view">
                    {previews ? <Thumbnail path={job.sourcePath} maxSide={previewSide(rowPicture)} alt="" className="sheet-source-thumb" /> : <span className="thumb thumb-placeholder sheet-source-thumb" />}
                    <span className="job-name small">{job.sourceName}</span>
                    <JobStateBadge state={job.state} />
                  </a>
                  {columns.map((column) => {
                    const output = job.outputs.find((candidate) => candidate.target === column.target);
                    return (
                      <span key={column.target} className="sheet-cell" role="cell" style={{ width: column.width }}>
                        {output ? (
                          <button type="button" className="sheet-picture" style={{ width: column.width, height: column.height }} onClick={() => onOpen(job.id, output)} aria-label={`Open ${job.sourceName} ${column.target} large`}>
                            {previews ? <Thumbnail path={output.path} maxSide={previewSide(Math.max(column.width, column.height))} alt="" className="sheet-image" /> : <span className="thumb thumb-placeholder sheet-image" />}
                            {previews && job.provider !== 'local' && <VariantBadge jobId={job.id} target={column.target} compact />}
                          </button>
                        ) : (
                          <span className="sheet-picture sheet-none muted small" style={{ width: column.width, height: column.height }}>—</span>
                        )}
                      </span>
                    );
                  })}
                </>
              ) : (
                <div className="history-loading muted small">Loading more…</div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
