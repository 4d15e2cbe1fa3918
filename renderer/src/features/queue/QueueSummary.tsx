import { Pause, Play, WifiOff } from 'lucide-react';
import { useState } from 'react';
import type { QueueBatch, QueueState } from '../../../../electron/shared';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatDuration } from '../../ui/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { QueueBadge } from '../../shell/QueueBadge';
import { batchTiming, elapsedNeverBack, type ShownElapsed } from './batchTiming';
import { StoreNote } from './StoreNote';
import { useNow } from './useNow';
import { usePauseResume } from './useQueue';

/** "1 failed · 2 cancelled" for a batch's unhappy endings, or null. */
function endings(batch: QueueBatch): string | null {
  const parts = [batch.failed > 0 && `${batch.failed} failed`, batch.cancelled > 0 && `${batch.cancelled} cancelled`].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

function BatchNumbers({ batch, now }: { batch: QueueBatch; now: number }) {
  const timing = batchTiming(batch, now);
  const [shownBefore, setShown] = useState<ShownElapsed | null>(null);
  const shown = elapsedNeverBack(shownBefore, batch.startedAt, timing.elapsedMs);
  if (shown !== shownBefore) setShown(shown);
  const ended = batch.endedAt !== null;
  const unhappy = endings(batch);
  return (
    <div className="batch" data-testid="batch">
      <div className="batch-numbers">
        <span className="batch-count" data-testid="batch-count">
          {ended && <span className="muted">Last batch: </span>}
          <strong>{batch.finished}</strong> of <strong>{batch.total}</strong> finished
        </span>
        {unhappy && <span className="text-warning">{unhappy}</span>}
        <span className="muted" data-testid="batch-elapsed">{ended ? 'Took' : 'Elapsed'} {formatDuration(shown.elapsedMs)}</span>
        <span className={batch.blocked ? 'text-warning' : 'muted'} data-testid="batch-time-left">
          {timing.timeLeft}
          {timing.blockedReason && ` — ${timing.blockedReason}`}
        </span>
      </div>
      <ProgressBar value={batch.total === 0 ? 0 : batch.finished / batch.total} label="Batch progress" />
    </div>
  );
}

/** The batch as "N of M", elapsed and time left (or what blocks it), with the pause/resume control and its reason. */
export function QueueSummary({ queue }: { queue: QueueState }) {
  const now = useNow();
  const toggle = usePauseResume();
  const paused = queue.state === 'paused';
  const batch = queue.batch;
  return (
    <Card
      title={<QueueBadge />}
      actions={
        <button type="button" className={`btn ${paused ? 'btn-primary' : ''}`} onClick={() => toggle.mutate(!paused)} disabled={toggle.isPending}>
          {paused ? <Play size={16} aria-hidden /> : <Pause size={16} aria-hidden />}
          {paused ? 'Resume' : 'Pause'}
        </button>
      }
    >
      {queue.reason && (
        <div className="note note-warning">
          {queue.state === 'offline' ? <WifiOff size={16} aria-hidden /> : <Pause size={16} aria-hidden />}
          <span>
            {queue.reason}
            {queue.pauseCause === 'auth' && (
              <>
                <br />
                Saving a working fal key in Settings resumes the queue.
              </>
            )}
          </span>        </div>
      )}
      <StoreNote store={queue.store} />
      {batch && <BatchNumbers batch={batch} now={now} />}
      {(!batch || batch.endedAt !== null) && <p className="muted">Nothing is waiting. Drop images or add a watched folder to start.</p>}
      <ErrorNote error={toggle.error} />
    </Card>
  );
}
