import type { QueueState } from '../../shared/schemas/queue';
import { batchBlock } from '../queue/batchBlock';
import type { EngineParts } from '../runtime/engineParts';
import { storeStatus } from '../store/postgres/teamStatus';

const lastCounts = new WeakMap<EngineParts, QueueState>();

/**
 * The queue's run state, online flag, per-state counts and the current batch, for the Queue page and the tray.
 * The batch's blocked cause is worked out here from the counts and the scheduler, as of this moment.
 */
export async function queueState(engine: EngineParts): Promise<QueueState> {
  const status = engine.scheduler.status();
  const store = { ...(await storeStatus(engine.store)), keptFiles: engine.folders.keptFileCount() };
  // A team database that does not answer would hold this answer until it does: the last counts stand meanwhile.
  const known = lastCounts.get(engine);
  if (!store.reachable && known) return { ...known, state: status.state, reason: status.reason ?? null, online: status.online, store };
  const counts = await engine.store.history.countByState();
  const held = counts.waiting_budget > 0 ? (await engine.store.history.queryJobs({ states: ['waiting_budget'], limit: 1 })).jobs[0] : undefined;
  const heldReason = () => held?.stateReason ?? null;
  const state: QueueState = {
    state: status.state,
    pauseCause: status.pauseCause ?? null,
    reason: status.reason ?? null,
    online: status.online,
    counts,
    batch: engine.batch.snapshot(batchBlock(counts, status, heldReason)),
    store,
  };
  lastCounts.set(engine, state);
  return state;
}
