import { isAutomaticPause } from '../../domain/pauseCauses';
import type { ApiEvent, JobCounts, Notice as HostNotice, QueueState } from '../../shared';
import { waitingCount } from '../queueSummary';

/** One desktop notification to show. */
export interface Notice {
  readonly kind: 'batch_done' | 'jobs_failed' | 'queue_paused' | 'budget_reached' | 'back_online' | 'burst_held' | 'files_unreadable';
  readonly title: string;
  readonly body: string;
}

/** How failures are gathered: a burst becomes one notice, and failure notices are spaced out. */
export interface PlannerTiming {
  /** Failures within this long after the first one are told together. */
  readonly failureWindowMs: number;
  /** At least this long between two failure notices. */
  readonly failureCooldownMs: number;
}

const DEFAULT_TIMING: PlannerTiming = { failureWindowMs: 4_000, failureCooldownMs: 60_000 };
/** Enough to recognise repeated events of recently failed jobs without growing forever. */
const MAX_REMEMBERED_FAILURES = 5_000;

/**
 * Decides what to tell the person from the API's event stream, with no side effects (the caller shows the
 * notices and calls `flushDue` at `nextFlushAt`): a batch finished, jobs failed (gathered, so 50 failures at once
 * are one notice), the queue paused itself (bad key, no credit), the budget stopped work, or waiting work is being
 * sent now that the network is back. Time is passed in, so tests need no clock.
 */
export class NotificationPlanner {
  private lastQueue: QueueState | undefined;
  private batchBaseline: JobCounts | undefined;
  private readonly countedFailures = new Set<string>();
  private pending: { count: number; firstReason: string; since: number } | undefined;
  private lastFailureNoticeAt = Number.NEGATIVE_INFINITY;
  /** Files of watched folders that could not be read (they never became jobs), gathered like failures. */
  private unreadable: { count: number; firstMessage: string; since: number } | undefined;

  constructor(private readonly timing: PlannerTiming = DEFAULT_TIMING) {}

  /** Takes one event; answers the notices to show now. */
  observe(event: ApiEvent, now: number): Notice[] {
    if (event.type === 'job.changed') {
      this.noteJob(event.job.id, event.job.state, event.job.error?.message, now);
      return [];
    }
    if (event.type === 'queue.changed') return this.noteQueue(event.queue);
    if (event.type === 'notice') return this.noteHostNotice(event.notice, now);
    return [];
  }

  /** The gathered failure and unreadable-file notices whose window (and, for failures, cooldown) has passed. */
  flushDue(now: number): Notice[] {
    return [...this.flushFailures(now), ...this.flushUnreadable(now)];
  }

  /** When `flushDue` will have something to say, if failures or unreadable files are waiting. */
  nextFlushAt(): number | undefined {
    const failuresAt = this.pending && Math.max(this.pending.since + this.timing.failureWindowMs, this.lastFailureNoticeAt + this.timing.failureCooldownMs);
    const unreadableAt = this.unreadable && this.unreadable.since + this.timing.failureWindowMs;
    const due = [failuresAt, unreadableAt].filter((at): at is number => at !== undefined);
    return due.length > 0 ? Math.min(...due) : undefined;
  }

  private flushFailures(now: number): Notice[] {
    if (!this.pending) return [];
    const dueAt = Math.max(this.pending.since + this.timing.failureWindowMs, this.lastFailureNoticeAt + this.timing.failureCooldownMs);
    if (now < dueAt) return [];
    const { count, firstReason } = this.pending;
    this.pending = undefined;
    this.lastFailureNoticeAt = now;
    return [
      count === 1
        ? { kind: 'jobs_failed', title: 'A job failed', body: firstReason }
        : { kind: 'jobs_failed', title: `${count} jobs failed`, body: `First reason: ${firstReason}` },
    ];
  }

  private flushUnreadable(now: number): Notice[] {
    if (!this.unreadable || now < this.unreadable.since + this.timing.failureWindowMs) return [];
    const { count, firstMessage } = this.unreadable;
    this.unreadable = undefined;
    const title = count === 1 ? 'A file could not be read' : `${count} files could not be read`;
    return [{ kind: 'files_unreadable', title, body: count === 1 ? firstMessage : `First: ${firstMessage}` }];
  }

  /**
   * The engine's own notices: a held burst is told at once (it waits for the person); unreadable files are gathered
   * (a folder of them is one notification); a budget hold is already told from the queue's counts.
   */
  private noteHostNotice(notice: HostNotice, now: number): Notice[] {
    if (notice.kind === 'burst') return [{ kind: 'burst_held', title: 'Files held before spending', body: notice.message }];
    if (notice.kind === 'file') {
      if (this.unreadable) this.unreadable.count += 1;
      else this.unreadable = { count: 1, firstMessage: notice.message, since: now };
    }
    return [];
  }

  private noteJob(jobId: string, state: string, reason: string | undefined, now: number): void {
    if (state !== 'failed') {
      // A retried job that fails again is a new failure.
      this.countedFailures.delete(jobId);
      return;
    }
    // Every stored change of a job is an event; a failed job is counted once.
    if (this.countedFailures.has(jobId)) return;
    this.countedFailures.add(jobId);
    if (this.countedFailures.size > MAX_REMEMBERED_FAILURES) this.countedFailures.delete(this.countedFailures.values().next().value!);
    if (this.pending) this.pending.count += 1;
    else this.pending = { count: 1, firstReason: reason?.trim() || 'No reason was given.', since: now };
  }

  private noteQueue(queue: QueueState): Notice[] {
    const previous = this.lastQueue;
    this.lastQueue = queue;
    if (!previous) {
      // Started mid-batch: count what finishes from now on.
      if (batchRunning(queue)) this.batchBaseline = queue.counts;
      return [];
    }
    const notices: Notice[] = [];
    if (!batchRunning(previous) && batchRunning(queue)) this.batchBaseline = previous.counts;
    if (batchRunning(previous) && !batchRunning(queue)) {
      const done = this.batchDone(queue.counts);
      if (done) notices.push(done);
    }
    if (previous.state !== 'paused' && queue.state === 'paused' && isAutomaticPause(queue.pauseCause)) {
      notices.push({ kind: 'queue_paused', title: 'Queue paused', body: `${queue.reason} Jobs are kept; resume from the tray or the Queue page.` });
    }
    if (previous.counts.waiting_budget === 0 && queue.counts.waiting_budget > 0) {
      notices.push({ kind: 'budget_reached', title: 'Spending limit reached', body: `${plural(queue.counts.waiting_budget, 'image')} wait until the budget allows more.` });
    }
    const waiting = waitingCount(queue.counts);
    if (previous.state === 'offline' && queue.state === 'running' && waiting > 0) {
      notices.push({ kind: 'back_online', title: 'Back online', body: `Sending ${plural(waiting, 'waiting image')} now.` });
    }
    return notices;
  }

  /** The finished batch's notice, with the failures gathered so far folded in (one notice, not two). */
  private batchDone(counts: JobCounts): Notice | undefined {
    const baseline = this.batchBaseline;
    this.batchBaseline = undefined;
    if (!baseline) return undefined;
    const done = Math.max(0, counts.done - baseline.done);
    const failed = Math.max(0, counts.failed - baseline.failed);
    if (done === 0 && failed === 0) return undefined;
    const firstReason = this.pending?.firstReason;
    this.pending = undefined;
    const failures = failed > 0 ? `, ${failed} failed${firstReason ? ` (${firstReason})` : ''}` : '';
    return { kind: 'batch_done', title: 'Batch done', body: `${plural(done, 'image')} resized${failures}.` };
  }
}

/** A batch has work left: the engine keeps an ended batch (with `endedAt`) until the next one starts. */
function batchRunning(queue: QueueState): boolean {
  return queue.batch !== null && queue.batch.endedAt === null;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
