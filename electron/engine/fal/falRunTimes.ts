/** When to poll a request's status next, and what to learn once it is seen COMPLETED. */
export interface PollSchedule {
  /** The wait before the next status poll, `elapsedMs` after the submit was answered (or the wait began). */
  nextDelay(elapsedMs: number): number;
  completed(elapsedMs: number): void;
}

/** A steady poll that learns nothing: for a request resumed after a restart, whose submit time is not this run's. */
export function steadyPolls(baseMs: number): PollSchedule {
  return { nextDelay: () => baseMs, completed: () => undefined };
}

/** Requests remembered per size count: enough to follow a change in fal's speed within a batch or two. */
const REMEMBERED = 16;
/** The quickest status poll near an expected finish, whatever the base interval. */
const FASTEST_POLL_MS = 25;
/** A request taking this many times longer than the slowest recent one is taken as stuck. */
const DEADLINE_FACTOR = 3;
/** A learned deadline is never shorter than this: fal's speed varies with its load. */
const DEADLINE_FLOOR_MS = 60_000;

/**
 * How long fal's recent requests took (submit answered to COMPLETED seen), per number of sizes in the request, and
 * the status-poll schedule that follows from it: the base interval while a request cannot be done yet, a quarter of
 * it inside the window where recent requests finished. A freed fal slot is refilled only once its request is seen
 * COMPLETED, so every millisecond of that sighting delay is fal idling for us; polling fast all the time would
 * instead multiply the status calls for nothing.
 */
export class FalRunTimes {
  private readonly recent = new Map<number, number[]>();

  /** The schedule for a request just submitted with `sizeCount` sizes; it records its own time when it completes. */
  scheduleFor(sizeCount: number, baseMs: number): PollSchedule {
    return {
      nextDelay: (elapsedMs) => this.nextPollDelay(sizeCount, elapsedMs, baseMs),
      completed: (elapsedMs) => this.record(sizeCount, elapsedMs),
    };
  }

  /**
   * How long a request of `sizeCount` sizes may take from its submit before it is given up: three times the slowest
   * recent one (at least a minute), never more than `ceilingMs` (the setting), and the ceiling itself with no history.
   */
  deadlineMs(sizeCount: number, ceilingMs: number): number {
    const slowest = this.slowestMs(sizeCount);
    if (slowest === undefined) return ceilingMs;
    return Math.min(ceilingMs, Math.max(DEADLINE_FLOOR_MS, DEADLINE_FACTOR * slowest));
  }

  /** The slowest recent request of `sizeCount` sizes, or undefined with none seen yet. */
  slowestMs(sizeCount: number): number | undefined {
    const list = this.recent.get(sizeCount);
    return list && list.length > 0 ? Math.max(...list) : undefined;
  }

  /** Remembers one request's time from its submit answer to the status poll that saw it COMPLETED. */
  record(sizeCount: number, elapsedMs: number): void {
    const list = this.recent.get(sizeCount) ?? [];
    list.push(elapsedMs);
    if (list.length > REMEMBERED) list.shift();
    this.recent.set(sizeCount, list);
  }

  /**
   * The delay before the next status poll of a request of `sizeCount` sizes submitted `elapsedMs` ago. With no
   * history it is always `baseMs`. The window opens one base interval before the quickest recent request (the
   * times recorded are late by up to one interval) and closes one after the slowest.
   */
  nextPollDelay(sizeCount: number, elapsedMs: number, baseMs: number): number {
    const list = this.recent.get(sizeCount);
    if (!list || list.length === 0) return baseMs;
    const opens = Math.min(...list) - baseMs;
    const closes = Math.max(...list) + baseMs;
    const fast = Math.max(FASTEST_POLL_MS, Math.round(baseMs / 4));
    if (elapsedMs >= closes) return baseMs;
    // Before the window: sleep a base interval, or only up to its opening if that comes sooner.
    if (elapsedMs < opens) return Math.max(fast, Math.min(baseMs, opens - elapsedMs));
    return fast;
  }
}
