import { randomUUID } from 'node:crypto';
import type { ModelOutcome } from './smartResizeApp';
import type { FakeFalJobFault, FakeFalJobView, FakeFalUpload } from './types';

/** Timing of the simulated queue (see FakeFalLatency). */
export interface QueueTiming {
  processingMs: number;
  queueMs: number;
  concurrency: number;
}

/** A request in the simulated queue. */
export interface QueuedJob {
  readonly requestId: string;
  readonly input: unknown;
  readonly upload: FakeFalUpload | undefined;
  readonly fault: FakeFalJobFault | undefined;
  readonly submittedAt: number;
  startedAt: number | undefined;
  completedAt: number | undefined;
  state: FakeFalJobView['state'];
  cancelled: boolean;
  outcome: ModelOutcome | undefined;
}

/** What the cancel call answers, as fal's queue words it. */
export type CancelAnswer = 'CANCELLATION_REQUESTED' | 'ALREADY_COMPLETED' | 'NOT_FOUND';

/** fal documents no result for a cancelled request; the fake answers this (an ApiError in the client). */
const CANCELLED_OUTCOME: ModelOutcome = { status: 400, body: { detail: 'Request was cancelled' }, outputUrls: [] };

/**
 * fal's queue in miniature: at most `concurrency` requests run at once, each for `processingMs`; the rest wait
 * IN_QUEUE in submit order with a queue_position (0 = next). Jobs keep running while the HTTP side is stopped,
 * as fal's do while the client is offline.
 */
export class FakeJobQueue {
  private readonly jobs = new Map<string, QueuedJob>();
  private waiting: QueuedJob[] = [];
  private running = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  /** While set, requests that start running wait on it as well as on their processing time. */
  private hold: Promise<void> | undefined;

  constructor(
    private timing: QueueTiming,
    private readonly runModel: (job: QueuedJob) => Promise<ModelOutcome>,
  ) {}

  /** Changes timing; applies to requests that start from now on. */
  setTiming(timing: Partial<QueueTiming>): void {
    this.timing = { ...this.timing, ...timing };
    this.pump();
  }

  /** Queues a new request and returns it. */
  submit(input: unknown, upload: FakeFalUpload | undefined, fault: FakeFalJobFault | undefined): QueuedJob {
    const job: QueuedJob = {
      requestId: randomUUID(),
      input,
      upload,
      fault,
      submittedAt: Date.now(),
      startedAt: undefined,
      completedAt: undefined,
      state: 'IN_QUEUE',
      cancelled: false,
      outcome: undefined,
    };
    this.jobs.set(job.requestId, job);
    this.waiting.push(job);
    this.pump();
    return job;
  }

  get(requestId: string): QueuedJob | undefined {
    return this.jobs.get(requestId);
  }

  all(): QueuedJob[] {
    return [...this.jobs.values()];
  }

  /** 0 for the next request to start, 1 for the one after, ... */
  queuePosition(job: QueuedJob): number {
    return Math.max(0, this.waiting.indexOf(job));
  }

  /** Cancels a waiting request (removed) or a running one (the model stops at once). */
  cancel(requestId: string): CancelAnswer {
    const job = this.jobs.get(requestId);
    if (!job) return 'NOT_FOUND';
    if (job.state === 'COMPLETED') return 'ALREADY_COMPLETED';
    job.cancelled = true;
    if (job.state === 'IN_QUEUE') this.waiting = this.waiting.filter((other) => other !== job);
    else this.running -= 1;
    this.finish(job, CANCELLED_OUTCOME);
    this.pump();
    return 'CANCELLATION_REQUESTED';
  }

  /**
   * Requests that start from now on stay IN_PROGRESS past their processing time until the returned function is
   * called (fal busy for as long as a test needs, without racing its run time against the machine's load).
   */
  holdRunning(): () => void {
    let release = (): void => undefined;
    const hold = new Promise<void>((resolve) => (release = resolve));
    this.hold = hold;
    return () => {
      if (this.hold === hold) this.hold = undefined;
      release();
    };
  }

  /** Stops every timer; nothing completes afterwards. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private after(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) action();
    }, ms);
    this.timers.add(timer);
  }

  private pump(): void {
    while (!this.closed && this.running < this.timing.concurrency && this.waiting.length > 0) {
      const head = this.waiting[0] as QueuedJob;
      const wait = head.submittedAt + this.timing.queueMs - Date.now();
      if (wait > 0) {
        this.after(wait, () => this.pump());
        return;
      }
      this.waiting.shift();
      this.start(head);
    }
  }

  private start(job: QueuedJob): void {
    this.running += 1;
    job.state = 'IN_PROGRESS';
    job.startedAt = Date.now();
    // A runner that never finishes: only a cancel ends it (and frees its place).
    if (job.fault?.kind === 'hang') return;
    const model = this.runModel(job).catch(
      (error: unknown): ModelOutcome => ({ status: 500, body: { detail: `Runner error: ${String(error)}` }, outputUrls: [] }),
    );
    const elapsed = new Promise<void>((resolve) => this.after(this.timing.processingMs, resolve));
    void Promise.all([model, elapsed, this.hold]).then(([outcome]) => {
      if (job.state !== 'IN_PROGRESS' || this.closed) return; // cancelled meanwhile
      this.running -= 1;
      this.finish(job, outcome);
      this.pump();
    });
  }

  private finish(job: QueuedJob, outcome: ModelOutcome): void {
    job.state = 'COMPLETED';
    job.completedAt = Date.now();
    job.outcome = outcome;
  }
}

/** A read-only snapshot of a job for tests. */
export function viewJob(job: QueuedJob): FakeFalJobView {
  return {
    requestId: job.requestId,
    state: job.state,
    cancelled: job.cancelled,
    input: job.input,
    imageSha256: job.upload?.sha256,
    uploadFileName: job.upload?.fileName,
    submittedAt: job.submittedAt,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
    resultStatus: job.outcome?.status,
    outputUrls: job.outcome?.outputUrls ?? [],
  };
}
