import type { QueueBatch } from '../../../../electron/shared';
import { formatDuration } from '../../ui/format';

const BLOCK_WORDS = { paused: 'paused', offline: 'offline', budget: 'budget' } as const;

/** What the Queue page says about the batch's time: elapsed (frozen once it ended) and what is left. */
export interface BatchTimingView {
  readonly elapsedMs: number;
  /** "About 1m 20s left", "Estimating time left…", "Blocked: budget", "Finished". */
  readonly timeLeft: string;
  /** The blocked cause's detail ("Daily budget $3.50 reached"), shown beside it. */
  readonly blockedReason: string | null;
}

/**
 * The engine's batch as words, at `now`: elapsed runs from the batch's fixed start (and stops at its end), the time
 * left counts down to the engine's estimate, and a batch nothing can move says what blocks it instead.
 */
export function batchTiming(batch: QueueBatch, now: number): BatchTimingView {
  const elapsedMs = Math.max(0, (batch.endedAt ?? now) - batch.startedAt);
  if (batch.endedAt !== null) return { elapsedMs, timeLeft: 'Finished', blockedReason: null };
  if (batch.blocked) return { elapsedMs, timeLeft: `Blocked: ${BLOCK_WORDS[batch.blocked.cause]}`, blockedReason: batch.blocked.reason };
  if (batch.etaAt === null) return { elapsedMs, timeLeft: 'Estimating time left…', blockedReason: null };
  const leftMs = batch.etaAt - now;
  return { elapsedMs, timeLeft: leftMs < 1000 ? 'Almost done…' : `About ${formatDuration(leftMs)} left`, blockedReason: null };
}

/** The elapsed time the page last showed, and for which batch (its fixed start). */
export interface ShownElapsed {
  readonly startedAt: number;
  readonly elapsedMs: number;
}

/**
 * Elapsed as shown never goes back within one batch. The page's clock runs on between the engine's end of a batch
 * and the "ended" event reaching the page, so the frozen end time can read a second less than the page just showed.
 * Returns `shown` itself when nothing changes (so a React state holding it does not re-render).
 */
export function elapsedNeverBack(shown: ShownElapsed | null, startedAt: number, elapsedMs: number): ShownElapsed {
  if (shown !== null && shown.startedAt === startedAt && shown.elapsedMs >= elapsedMs) return shown;
  return { startedAt, elapsedMs };
}
