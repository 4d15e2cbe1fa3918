import type { QueueBatch } from '../../../../electron/shared';

/** Elapsed time and, once a job has finished, the remaining time at the batch's average pace so far. */
export function batchTiming(batch: QueueBatch, now: number): { elapsedMs: number; etaMs: number | null } {
  const elapsedMs = Math.max(0, now - batch.startedAt);
  if (batch.finished === 0 || batch.finished >= batch.total) return { elapsedMs, etaMs: null };
  return { elapsedMs, etaMs: (elapsedMs / batch.finished) * (batch.total - batch.finished) };
}
