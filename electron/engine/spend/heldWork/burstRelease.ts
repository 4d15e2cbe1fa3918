import type { JobStore } from '../../store';

/** What releasing a burst touches. */
export interface BurstReleaseDeps {
  readonly store: JobStore;
  /** The folder's trust flag, or undefined when it is not a watched folder any more. */
  readonly trusted: (folderId: string) => boolean | undefined;
  /** Cancels a job as the user's cancel does (fal is told about live requests). */
  readonly cancel: (jobId: string) => Promise<void>;
  /** Jobs were put back in line: wake the scheduler. */
  readonly wake: () => void;
}

/** The person's answer to a held burst: go ahead (the jobs run) or discard (nothing is sent or paid). */
export class BurstRelease {
  constructor(private readonly deps: BurstReleaseDeps) {}

  /** Lets a folder's held burst go ahead and starts its burst count afresh. Resolves how many jobs were released. */
  async release(folderId: string | null): Promise<number> {
    const released = await this.deps.store.transaction(async (tx) => {
      const waiting = await tx.bursts.waiting(folderId);
      for (const { jobId } of waiting) await tx.queue.requeue(jobId, 'burst released');
      await tx.bursts.remove(waiting.map((held) => held.jobId));
      if (folderId !== null) await tx.bursts.resetCount(folderId);
      return waiting.length;
    });
    if (released > 0) this.deps.wake();
    return released;
  }

  /** Cancels a folder's held burst: nothing is sent or paid. Resolves how many jobs were cancelled. */
  async discard(folderId: string | null): Promise<number> {
    const { store } = this.deps;
    const waiting = await store.bursts.waiting(folderId);
    for (const { jobId } of waiting) await this.deps.cancel(jobId);
    await store.transaction(async (tx) => {
      await tx.bursts.remove(waiting.map((held) => held.jobId));
      if (folderId !== null) await tx.bursts.resetCount(folderId);
    });
    return waiting.length;
  }

  /** A folder marked trusted while its burst waited: trusted folders are never held, so its burst goes ahead. */
  async releaseTrusted(): Promise<void> {
    const folders = new Set((await this.deps.store.bursts.waiting()).map((held) => held.folderId));
    for (const folderId of folders) {
      if (folderId !== null && this.deps.trusted(folderId) === true) await this.release(folderId);
    }
  }
}
