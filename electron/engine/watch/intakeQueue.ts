import PQueue from 'p-queue';
import type { StableFile } from './intakeStableFile';

/**
 * What intake of one file has to announce. It runs after the file stopped counting as pending, so a listener that
 * reads the folder status on that event sees the file done.
 */
export type Announcement = () => void;

/** One folder's files: waiting their turn, being worked on, and which discard the waiting ones belong to. */
interface FolderLoad {
  waiting: number;
  running: number;
  /** Bumped by a discard: files queued under an older generation are skipped when their turn comes. */
  generation: number;
}

/**
 * Stable files waiting to be hashed, at most `concurrency` at once in arrival order (p-queue), with per-folder counts
 * for the status. A discarded file stays in p-queue as a no-op until its turn (p-queue removes aborted tasks one by
 * one, which is slow for a folder of 10,000), but stops counting at once. `work` failures go to `onError`.
 */
export class IntakeQueue {
  private readonly queue: PQueue;
  private readonly folders = new Map<string, FolderLoad>();

  constructor(
    concurrency: number,
    private readonly work: (file: StableFile) => Promise<Announcement | undefined>,
    private readonly onError: (error: unknown, file: StableFile) => void,
  ) {
    this.queue = new PQueue({ concurrency });
  }

  push(file: StableFile): void {
    const load = this.loadOf(file.folderId);
    const generation = load.generation;
    load.waiting += 1;
    void this.queue
      .add(async () => {
        if (load.generation !== generation) return;
        load.waiting -= 1;
        load.running += 1;
        let announce: Announcement | undefined;
        try {
          announce = await this.work(file);
        } finally {
          load.running -= 1;
          this.forgetIfEmpty(file.folderId, load);
        }
        announce?.();
      })
      .catch((error: unknown) => this.onError(error, file));
  }

  /** Files of this folder queued or being hashed. */
  count(folderId: string): number {
    const load = this.folders.get(folderId);
    return load ? load.waiting + load.running : 0;
  }

  /** Drops this folder's files not yet started; running ones finish. */
  discard(folderId: string): void {
    const load = this.folders.get(folderId);
    if (!load) return;
    load.generation += 1;
    load.waiting = 0;
    this.forgetIfEmpty(folderId, load);
  }

  /** Drops every file not yet started. */
  discardAll(): void {
    for (const folderId of [...this.folders.keys()]) this.discard(folderId);
  }

  /** Resolves when nothing is queued or being hashed. */
  idle(): Promise<void> {
    return this.queue.onIdle();
  }

  private loadOf(folderId: string): FolderLoad {
    let load = this.folders.get(folderId);
    if (!load) {
      load = { waiting: 0, running: 0, generation: 0 };
      this.folders.set(folderId, load);
    }
    return load;
  }

  private forgetIfEmpty(folderId: string, load: FolderLoad): void {
    if (load.waiting === 0 && load.running === 0 && this.folders.get(folderId) === load) this.folders.delete(folderId);
  }
}
