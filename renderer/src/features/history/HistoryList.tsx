import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Job } from '../../../../electron/shared';
import { HistoryRow } from './HistoryRow';
import { observeScrollerRect } from './scrollerRect';
import { usePainted } from './usePainted';

const ROW_HEIGHT = 64;
// Fetch the next page while this many loaded rows are still ahead: a fast fling covers a page in a few frames, and a
// list that hits its loaded end stalls until the page arrives.
const LOAD_AHEAD_ROWS = 100;

interface Props {
  jobs: Job[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  profileName: (id: string) => string;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The virtualised history: only the visible rows exist in the page, and the next page loads near the end. */
export function HistoryList({ jobs, hasMore, loadingMore, loadMore, profileName, selectedId, onSelect }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: hasMore ? jobs.length + 1 : jobs.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // Few rows beyond the viewport: a fling replaces every row each frame, so each extra row is paid for per frame
    // (2 rather than 4 took the frames over 15 ms of CPU in a fling from about 50 to 6-36 of 80 wheel steps).
    overscan: 2,
    // Rows for a new scroll position render in a task of their own right after the scroll event, not inside it: a
    // frame's work is then split in two, and the scroll events of one frame make one render instead of one each. The
    // library's caveat (whitespace while sizes are measured) does not apply, rows have a fixed height.
    useFlushSync: false,
    // Previews wait until the list has rested this long, so a pause between flings does not start (and drop) them.
    isScrollingResetDelay: 300,
    // Sized from the window until the scroller reports its own size, so the first render already fills the view.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    observeElementRect: observeScrollerRect,
  });
  // Work the first frame does not show waits until it is painted: the previews (a request each, and never while the
  // list moves) and the page after the first.
  const painted = usePainted(jobs.length > 0);
  const previews = painted && !virtualizer.isScrolling;
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (painted && hasMore && !loadingMore && lastIndex >= jobs.length - LOAD_AHEAD_ROWS) loadMore();
  }, [painted, hasMore, loadingMore, lastIndex, jobs.length, loadMore]);

  return (
    <div ref={scroller} className={`history-scroller ${virtualizer.isScrolling ? 'is-scrolling' : ''}`} data-testid="history-scroller">
      <div className="history-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const job = jobs[item.index];
          return (
            <div key={item.key} className="history-slot" style={{ transform: `translateY(${item.start}px)`, height: item.size }}>
              {job ? (
                <HistoryRow job={job} profileName={profileName(job.profileId)} selected={job.id === selectedId} previews={previews} onSelect={onSelect} />
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
