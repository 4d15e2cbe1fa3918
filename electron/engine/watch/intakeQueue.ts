import type { StableFile } from './intakeStableFile';
import { WorkQueue } from './workQueue';

/**
 * What intake of one file has to announce. It runs after the file stopped counting as pending, so a listener that
 * reads the folder status on that event sees the file done.
 */
export type Announcement = () => void;

/** Stable files waiting to be hashed, at most `concurrency` at once, with per-folder counts for the status. */
export class IntakeQueue {
  private readonly queue: WorkQueue<StableFile>;
  private readonly perFolder = new Map<string, number>();

  constructor(
    concurrency: number,
    work: (file: StableFile) => Promise<Announcement | undefined>,
    onError: (error: unknown, file: StableFile) => void,
  ) {
    this.queue = new WorkQueue<StableFile>(
      concurrency,
      async (file) => {
        let announce: Announcement | undefined;
        try {
          announce = await work(file);
        } finally {
          this.add(file.folderId, -1);
        }
        announce?.();
      },
      onError,
    );
  }

  push(file: StableFile): void {
    this.add(file.folderId, 1);
    this.queue.push(file);
  }

  /** Files of this folder queued or being hashed. */
  count(folderId: string): number {
    return this.perFolder.get(folderId) ?? 0;
  }

  /** Drops this folder's files not yet started. */
  discard(folderId: string): void {
    this.queue.discard((file) => {
      if (file.folderId !== folderId) return false;
      this.add(folderId, -1);
      return true;
    });
  }

  /** Drops every file not yet started. */
  discardAll(): void {
    this.queue.discard((file) => {
      this.add(file.folderId, -1);
      return true;
    });
  }

  /** Resolves when nothing is queued or being hashed. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private add(folderId: string, delta: number): void {
    const next = (this.perFolder.get(folderId) ?? 0) + delta;
    if (next > 0) this.perFolder.set(folderId, next);
    else this.perFolder.delete(folderId);
  }
}
