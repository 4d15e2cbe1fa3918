import { stat } from 'node:fs/promises';
import { isGoneError, sameSnapshot, type FileSnapshot } from '../intake/fileSnapshot';

/** Options of {@link StabilityTracker}; `C` is whatever the caller wants back with each file (its folder, origin). */
export interface StabilityTrackerOptions<C> {
  /** How long size and mtime must stay unchanged before a file is stable. */
  readonly settleMs: number;
  /** An armed timer up to this much early is kept rather than re-armed (fewer timer calls at 10k files). Default 10 ms. */
  readonly timerSlackMs?: number;
  /** Most fs.stat calls in flight at once (a 10k-file start must not flood the thread pool). Default 32. */
  readonly statConcurrency?: number;
  /** The file kept its size and mtime for the settle time. */
  readonly onStable: (path: string, snapshot: FileSnapshot, context: C) => void;
  /** The file went away (or stopped being a regular file) before it was stable: nothing to do, said for counts. */
  readonly onGone?: (path: string, context: C) => void;
  /** fs.stat failed for another reason (EACCES on a share, EIO on a failing drive). The file is dropped. */
  readonly onError?: (path: string, error: unknown, context: C) => void;
  readonly now?: () => number;
}

interface PendingFile<C> {
  snapshot: FileSnapshot;
  /** When the snapshot was last seen to change: the settle time counts from here. */
  observedAt: number;
  dueAt: number;
  context: C;
  /** Bumped on every change so a stat that started before it is not trusted. */
  generation: number;
  checking: boolean;
}

/**
 * Decides when a file is finished: it becomes stable once fs.stat shows the same size and mtime a whole settle
 * time after they were last seen to change. Works the same for files found at start (which chokidar's
 * awaitWriteFinish ignores) and for watcher events. One shared timer serves every pending file: because the
 * settle time is the same for all, keeping the Map in observation order keeps it sorted by due time, so the timer
 * is set for the first file's due time and each run only visits the files that are due.
 */
export class StabilityTracker<C> {
  private readonly pending = new Map<string, PendingFile<C>>();
  private readonly timerSlackMs: number;
  private readonly statConcurrency: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private timerDueAt = Infinity;
  private inFlight = 0;
  private settleMs: number;

  constructor(private readonly options: StabilityTrackerOptions<C>) {
    this.settleMs = options.settleMs;
    this.timerSlackMs = options.timerSlackMs ?? 10;
    this.statConcurrency = options.statConcurrency ?? 32;
    this.now = options.now ?? Date.now;
  }

  /** Files waiting to become stable. */
  get size(): number {
    return this.pending.size;
  }

  /**
   * Reports a file's current size and mtime. A new file, or a known one whose snapshot changed, (re)starts its
   * settle time; seeing the same snapshot again (a reconcile scan finding a pending file) leaves the clock alone.
   */
  observe(path: string, snapshot: FileSnapshot, context: C): void {
    const entry = this.pending.get(path);
    if (entry && sameSnapshot(entry.snapshot, snapshot)) return;
    const generation = entry ? entry.generation + 1 : 0;
    // Delete before set so the Map's order stays the order of due times.
    this.pending.delete(path);
    const observedAt = this.now();
    this.pending.set(path, { snapshot, observedAt, dueAt: observedAt + this.settleMs, context, generation, checking: false });
    this.schedule();
  }

  /**
   * Changes the settle time (the setting was saved) for new files and for those already waiting, which keep their
   * observation time: a file seen 5 s ago with a new settle time of 2 s is due now. The order of due times is the
   * order of observation either way, so the Map stays sorted.
   */
  setSettleMs(settleMs: number): void {
    this.settleMs = settleMs;
    for (const entry of this.pending.values()) entry.dueAt = entry.observedAt + settleMs;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDueAt = Infinity;
    this.schedule();
  }

  /** Stops tracking a file (it was deleted or renamed away). */
  forget(path: string): void {
    this.pending.delete(path);
    this.schedule();
  }

  /** Stops tracking every file whose context matches (a folder going to standby or being removed). */
  forgetWhere(matches: (path: string, context: C) => boolean): void {
    for (const [path, entry] of this.pending) if (matches(path, entry.context)) this.pending.delete(path);
    this.schedule();
  }

  /** How many pending files match. */
  countWhere(matches: (path: string, context: C) => boolean): number {
    let count = 0;
    for (const [path, entry] of this.pending) if (matches(path, entry.context)) count += 1;
    return count;
  }

  /** Forgets everything and stops the timer. */
  clear(): void {
    this.pending.clear();
    this.schedule();
  }

  /** (Re)arms the one timer for the earliest file not being checked; none when nothing waits. */
  private schedule(): void {
    let next: number | undefined;
    if (this.inFlight < this.statConcurrency) {
      for (const entry of this.pending.values()) {
        if (entry.checking) continue;
        next = entry.dueAt;
        break;
      }
    }
    if (next === undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.timerDueAt = Infinity;
      return;
    }
    const at = Math.max(next, this.now());
    // An armed timer that fires no later than needed (give or take one batch) can stay.
    if (this.timer && this.timerDueAt <= at + this.timerSlackMs) return;
    clearTimeout(this.timer);
    this.timerDueAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerDueAt = Infinity;
      this.checkDueFiles();
    }, at - this.now());
    // The watchers keep a host alive; this timer alone must not keep a finished process (or a test) running.
    this.timer.unref();
  }

  private checkDueFiles(): void {
    const now = this.now();
    for (const [path, entry] of this.pending) {
      if (this.inFlight >= this.statConcurrency || entry.dueAt > now) break;
      if (entry.checking) continue;
      entry.checking = true;
      this.inFlight += 1;
      void this.check(path, entry, entry.generation).finally(() => {
        this.inFlight -= 1;
        this.schedule();
      });
    }
    this.schedule();
  }

  private async check(path: string, entry: PendingFile<C>, generation: number): Promise<void> {
    let outcome: { snapshot: FileSnapshot; isFile: boolean } | { error: unknown };
    try {
      const stats = await stat(path);
      outcome = { snapshot: { size: stats.size, mtimeMs: stats.mtimeMs }, isFile: stats.isFile() };
    } catch (error) {
      outcome = { error };
    }
    // Forgotten, or observed again with a newer snapshot while the stat ran: that newer state rules.
    if (this.pending.get(path) !== entry || entry.generation !== generation) return;
    entry.checking = false;
    if ('error' in outcome) {
      this.pending.delete(path);
      if (isGoneError(outcome.error)) this.options.onGone?.(path, entry.context);
      else this.options.onError?.(path, outcome.error, entry.context);
    } else if (!outcome.isFile) {
      this.pending.delete(path);
      this.options.onGone?.(path, entry.context);
    } else if (!sameSnapshot(outcome.snapshot, entry.snapshot)) {
      this.observe(path, outcome.snapshot, entry.context);
    } else {
      this.pending.delete(path);
      this.options.onStable(path, entry.snapshot, entry.context);
    }
  }
}
