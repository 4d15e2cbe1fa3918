import type { BatchBlock, QueueBatch } from '../../shared/schemas/queue';
import { isFinished, isJobState, type JobState } from '../../domain/jobStates';
import type { StoreEvent } from '../store';

/** Finished jobs needed before a time left is given: one alone says little about a queue running several at once. */
const MIN_FINISHED_FOR_ETA = 2;

/**
 * Work arriving this soon after a batch ended continues it: files copied from a card or a slow share trickle in,
 * and a queue that drained for a moment between them is still one batch to the person watching.
 */
const BATCH_CONTINUES_MS = 30_000;

interface Batch {
  readonly startedAt: number;
  total: number;
  finished: number;
  failed: number;
  cancelled: number;
  endedAt: number | null;
  /** Time the batch could move (not blocked), up to `clockAt`: the pace is measured over it, not over waits. */
  workingMs: number;
  workingAtLastFinish: number;
}

/**
 * The batch the Queue page counts, kept by the engine from its own stored events so every host and page sees one
 * truth: a batch starts when work arrives at an idle queue, its total grows with each arrival, each job leaving
 * for done/failed/cancelled adds one finished, and it ends when all have finished (work arriving within
 * BATCH_CONTINUES_MS of the end reopens it). Its start never moves, so the
 * elapsed time a UI derives from it never goes back. The time left comes from the pace of the jobs finished so
 * far, measured over the time the batch could move, so a wait on the budget or the network does not inflate it.
 */
export class BatchTracker {
  private batch: Batch | undefined;
  private clockAt: number;
  private blocked: BatchBlock | null = null;

  constructor(private readonly now: () => number) {
    this.clockAt = now();
  }

  /** Jobs a previous run left unfinished form the first batch (call before any stored event is observed). */
  resume(counts: Readonly<Record<JobState, number>>): void {
    const unfinished = Object.entries(counts).reduce((sum, [state, count]) => sum + (isJobState(state) && !isFinished(state) ? count : 0), 0);
    if (unfinished > 0) this.arrive(unfinished);
  }

  /** Follows one stored event: a new job, or a job moving into or out of the finished states. */
  observe(event: StoreEvent): void {
    if (event.kind === 'job_created') this.arrive(1);
    if (event.kind !== 'job_state') return;
    const { from, to } = event.data;
    if (!isJobState(from) || !isJobState(to) || isFinished(from) === isFinished(to)) return;
    // Back from failed or cancelled (the person's retry): the job is work arriving again.
    if (isFinished(from)) this.arrive(1);
    else this.finish(to);
  }

  /**
   * The batch as it stands, given what blocks it now (null: something can move); null when no work arrived yet.
   * Each call also advances the working clock, so call it whenever the blocked state may have changed.
   */
  snapshot(blocked: BatchBlock | null): QueueBatch | null {
    this.tick();
    this.blocked = this.batch && this.batch.endedAt === null ? blocked : null;
    const batch = this.batch;
    if (!batch) return null;
    return {
      total: batch.total,
      finished: batch.finished,
      failed: batch.failed,
      cancelled: batch.cancelled,
      startedAt: batch.startedAt,
      endedAt: batch.endedAt,
      etaAt: this.etaAt(batch),
      blocked: this.blocked,
    };
  }

  private etaAt(batch: Batch): number | null {
    const remaining = batch.total - batch.finished;
    if (batch.endedAt !== null || this.blocked || remaining <= 0 || batch.finished < MIN_FINISHED_FOR_ETA) return null;
    const perJobMs = batch.workingAtLastFinish / batch.finished;
    const sinceLastFinish = batch.workingMs - batch.workingAtLastFinish;
    return this.clockAt + Math.max(0, Math.round(perJobMs * remaining - sinceLastFinish));
  }

  private arrive(count: number): void {
    this.tick();
    if (this.batch && this.batch.endedAt !== null && this.clockAt - this.batch.endedAt <= BATCH_CONTINUES_MS) this.batch.endedAt = null;
    if (!this.batch || this.batch.endedAt !== null) {
      this.batch = { startedAt: this.clockAt, total: 0, finished: 0, failed: 0, cancelled: 0, endedAt: null, workingMs: 0, workingAtLastFinish: 0 };
    }
    this.batch.total += count;
  }

  private finish(to: string): void {
    this.tick();
    const batch = this.batch;
    // A job of an earlier run finishing after this one's batch was counted out (cannot happen by construction).
    if (!batch || batch.endedAt !== null) return;
    batch.finished += 1;
    if (to === 'failed') batch.failed += 1;
    if (to === 'cancelled') batch.cancelled += 1;
    batch.workingAtLastFinish = batch.workingMs;
    if (batch.finished >= batch.total) batch.endedAt = this.clockAt;
  }

  /** Moves the clock to now, counting the time since the last tick as working unless the batch was blocked. */
  private tick(): void {
    const now = Math.max(this.clockAt, this.now());
    if (this.batch && this.batch.endedAt === null && !this.blocked) this.batch.workingMs += now - this.clockAt;
    this.clockAt = now;
  }
}
