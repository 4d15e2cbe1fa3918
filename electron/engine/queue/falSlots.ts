import type { FalSlotGate } from '../jobs/jobRunnerTypes';
import { abortError } from '../async/abortError';

interface Waiter {
  readonly grant: (release: () => void) => void;
}

/**
 * The concurrency setting as fal sees it: at most `limit` requests of ours at fal at once (fal runs that many per
 * account). A job takes a slot just before it submits or resumes a request and gives it back once fal reports the
 * request complete (its result is then only a fetch), so decoding, uploading, fetching results, downloading and
 * writing happen outside the slots, overlapping other jobs' waits on fal instead of adding to them. Slots are
 * handed out first come, first served.
 */
export class FalSlots implements FalSlotGate {
  private used = 0;
  private readonly waiters: Waiter[] = [];

  constructor(private limit: number) {}

  /** Requests at fal right now. */
  get inUse(): number {
    return this.used;
  }

  setLimit(limit: number): void {
    this.limit = Math.max(1, Math.floor(limit));
    this.grantWaiting();
  }

  /**
   * Resolves with the slot's release function once one is free; rejects with an AbortError if `signal` aborts first.
   * Hand-rolled rather than p-queue on purpose: a slot is given back early, while its job runs on (fal finished,
   * the download has not), and the limit follows the setting at run time.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortError('Stopped waiting for a fal slot.'));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(abortError('Stopped waiting for a fal slot.'));
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.grantWaiting();
    });
  }

  /**
   * The slots as one job takes them: `onHolding(true)` when it gets one, `onHolding(false)` when it gives it back,
   * so the scheduler can tell the jobs past fal (fetching, finishing, writing outputs) from those ahead of it.
   */
  forJob(onHolding: (holding: boolean) => void): FalSlotGate {
    return {
      acquire: async (signal) => {
        const release = await this.acquire(signal);
        onHolding(true);
        let released = false;
        return () => {
          if (released) return;
          released = true;
          release();
          onHolding(false);
        };
      },
    };
  }

  private grantWaiting(): void {
    while (this.used < this.limit && this.waiters.length > 0) {
      const waiter = this.waiters.shift() as Waiter;
      this.used += 1;
      let released = false;
      waiter.grant(() => {
        if (released) return;
        released = true;
        this.used -= 1;
        this.grantWaiting();
      });
    }
  }
}
