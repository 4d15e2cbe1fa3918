import type { BatchBlock } from '../../shared/schemas/queue';
import type { JobState } from '../../domain/jobStates';
import type { QueueStatus } from './scheduler';

/**
 * What stops the unfinished work from moving at all, or null when something can move (a job runs, is queued, or
 * waits for a retry time that will come by itself). Paused wins over everything; then, with nothing else left,
 * jobs waiting for the network mean offline and jobs held by a cap or a burst mean budget. `budgetReason` is asked
 * only in that last case (the held jobs' reason).
 */
export function batchBlock(counts: Readonly<Record<JobState, number>>, status: QueueStatus, budgetReason: () => string | null): BatchBlock | null {
  const unfinished = counts.queued + counts.preparing + counts.uploading + counts.submitted + counts.downloading + counts.writing
    + counts.retry_scheduled + counts.waiting_network + counts.waiting_budget;
  if (unfinished === 0) return null;
  if (status.state === 'paused') return { cause: 'paused', reason: status.reason ?? null };
  const canMove = unfinished - counts.waiting_network - counts.waiting_budget + (status.online ? counts.waiting_network : 0);
  if (canMove > 0 || status.running > 0) return null;
  if (counts.waiting_network > 0) return { cause: 'offline', reason: status.reason ?? 'fal cannot be reached' };
  return { cause: 'budget', reason: budgetReason() };
}
