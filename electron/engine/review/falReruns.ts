import { rerunSizeAtFal, resumeFalReruns, type FalRerunDeps, type FalRerunResult } from './rerunAtFal';

/**
 * The engine's one-size re-runs at fal while it runs: each gets the engine's stop signal, so stopping leaves its
 * request at fal recorded (resumed by id at the next start, never sent again) instead of closing the store under it.
 */
export class FalReruns {
  private controller = new AbortController();
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly deps: () => FalRerunDeps) {}

  /** Re-runs one size of a finished job at fal (see rerunSizeAtFal); resolves when its new version is written. */
  run(jobId: string, size: string): Promise<FalRerunResult> {
    return this.track(rerunSizeAtFal(this.deps(), jobId, size, this.controller.signal));
  }

  /** Finishes the re-runs a previous run of the app left at fal (call once the store is open). */
  resume(): Promise<void> {
    return this.track(resumeFalReruns(this.deps(), this.controller.signal)).catch(() => undefined);
  }

  /** Stops waiting on fal (the requests stay recorded) and resolves once every re-run has let go of the store. */
  async stop(): Promise<void> {
    this.controller.abort('shutdown');
    await Promise.allSettled([...this.running]);
    this.controller = new AbortController();
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => undefined);
    return work;
  }
}
