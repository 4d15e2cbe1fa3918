import { Pause, Play, WifiOff } from 'lucide-react';
import type { QueueState } from '../../../../electron/shared';
import { Card } from '../../ui/Card';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatDuration } from '../../ui/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { QueueBadge } from '../../shell/QueueBadge';
import { batchTiming } from './batchTiming';
import { useNow } from './useNow';
import { usePauseResume } from './useQueue';

function timeLeftLabel(state: QueueState['state'], etaMs: number | null): string {
  if (state === 'paused') return 'Paused';
  if (state === 'offline') return 'Waiting for the network';
  return etaMs === null ? 'Estimating time left…' : `About ${formatDuration(etaMs)} left`;
}

/** The batch as "N of M", elapsed and ETA, with the pause/resume control and the reason for a pause. */
export function QueueSummary({ queue }: { queue: QueueState }) {
  const now = useNow();
  const toggle = usePauseResume();
  const paused = queue.state === 'paused';
  const batch = queue.batch;
  const timing = batch ? batchTiming(batch, now) : null;
  return (
    <Card
      title={<QueueBadge />}
      actions={
        <button type="button" className={`btn ${paused ? 'btn-primary' : ''}`} onClick={() => toggle.mutate(!paused)} disabled={toggle.isPending}>
          {paused ? <Play size={16} /> : <Pause size={16} />}
          {paused ? 'Resume' : 'Pause'}
        </button>
      }
    >
      {queue.reason && (
        <div className="note note-warning">
          {queue.state === 'offline' ? <WifiOff size={16} /> : <Pause size={16} />}
          <span>
            {queue.reason}
            {queue.pauseCause === 'auth' && (
              <>
                <br />
                Saving a working fal key in Settings resumes the queue.
              </>
            )}
          </span>
        </div>
      )}
      {batch && timing ? (
        <div className="batch">
          <div className="batch-numbers">
            <span className="batch-count">
              <strong>{batch.finished}</strong> of <strong>{batch.total}</strong> done
            </span>
            <span className="muted">Elapsed {formatDuration(timing.elapsedMs)}</span>
            <span className="muted">{timeLeftLabel(queue.state, timing.etaMs)}</span>
          </div>
          <ProgressBar value={batch.total === 0 ? 0 : batch.finished / batch.total} label="Batch progress" />
        </div>
      ) : (
        <p className="muted">Nothing is waiting. Drop images or add a watched folder to start.</p>
      )}
      <ErrorNote error={toggle.error} />
    </Card>
  );
}
