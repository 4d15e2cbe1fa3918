import type { QueueState } from '../../shared/schemas/queue';
import type { Engine } from '../runtime/engine';

/** The queue's run state, online flag, per-state counts and the current batch, for the Queue page and the tray. */
export function queueState(engine: Engine): QueueState {
  const status = engine.scheduler.status();
  return {
    state: status.state,
    pauseCause: status.pauseCause ?? null,
    reason: status.reason ?? null,
    online: status.online,
    counts: engine.store.history.countByState(),
    batch: engine.store.history.currentBatch(),
  };
}
