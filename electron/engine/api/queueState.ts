import type { QueueState } from '../../shared/schemas/queue';
import { batchBlock } from '../queue/batchBlock';
import type { EngineParts } from '../runtime/engineParts';

/**
 * The queue's run state, online flag, per-state counts and the current batch, for the Queue page and the tray.
 * The batch's blocked cause is worked out here from the counts and the scheduler, as of this moment.
 */
export async function queueState(engine: EngineParts): Promise<QueueState> {
  const status = engine.scheduler.status();
  const counts = await engine.store.history.countByState();
  const held = counts.waiting_budget > 0 ? (await engine.store.history.queryJobs({ states: ['waiting_budget'], limit: 1 })).jobs[0] : undefined;
  const heldReason = () => held?.stateReason ?? null;
  return {
    state: status.state,
    pauseCause: status.pauseCause ?? null,
    reason: status.reason ?? null,
    online: status.online,
    counts,
    batch: engine.batch.snapshot(batchBlock(counts, status, heldReason)),
  };
}
