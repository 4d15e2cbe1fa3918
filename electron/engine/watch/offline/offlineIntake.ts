import type { FileSnapshot } from '../../intake/fileSnapshot';
import type { StableFile } from '../intakeStableFile';
import type { KeptFiles } from './keptFiles';

/** Whether the job store answers, and news of each time it answers again: a team's PostgreSQL (SQLite always does). */
export interface StoreConnectionWatch {
  readonly reachable: () => boolean;
  /** Calls `listener` each time the store answers again after an outage; returns the function that stops it. */
  readonly onReturn: (listener: () => void) => () => void;
  /** Runs `work` so that its store calls fail at once when the store does not answer, instead of waiting for it. */
  readonly withoutWaiting: <T>(work: () => Promise<T>) => Promise<T>;
  /** True for the error such a call fails with. */
  readonly isUnanswered: (error: unknown) => boolean;
}

/** What {@link OfflineIntake.takeInOrKeep} did: the intake's own answer, or the file kept. */
export type TakenOrKept<T> = { readonly kept: false; readonly value: T } | { readonly kept: true };

/**
 * Hot-folder intake while the team database does not answer: stable files are kept in this instance's data folder
 * (nothing of the database is read, which would wait for it) and handed back to intake when it answers again,
 * where they meet the team's dedupe like any file (one another instance admitted meanwhile becomes "seen by").
 */
export class OfflineIntake {
  /** Kept files handed back and not through intake yet: not handed back twice. */
  private readonly inIntake = new Set<string>();
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly connection: StoreConnectionWatch,
    private readonly kept: KeptFiles,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while new files must be kept here rather than taken in. */
  get keeping(): boolean {
    return !this.connection.reachable();
  }

  /** How many files are kept here. */
  get count(): number {
    return this.kept.count;
  }

  /** Hands kept files to `takeIn` each time the store answers again, and now if it answers. */
  start(takeIn: (file: StableFile) => void): void {
    this.stopListening?.();
    this.stopListening = this.connection.onReturn(() => this.handBack(takeIn));
    this.handBack(takeIn);
  }

  stop(): void {
    this.stopListening?.();
    this.stopListening = undefined;
    this.inIntake.clear();
  }

  /** Hands every kept file not already in intake to `takeIn`, if the store answers. */
  handBack(takeIn: (file: StableFile) => void): void {
    if (this.keeping) return;
    for (const { path, folderId, origin, size, mtimeMs } of this.kept.list()) {
      if (this.inIntake.has(path)) continue;
      this.inIntake.add(path);
      takeIn({ path, folderId, origin, snapshot: { size, mtimeMs }, kept: true });
    }
  }

  /** True when this path is kept with this size and mtime (a scan meanwhile need not take it again). */
  isKept(path: string, snapshot: FileSnapshot): boolean {
    return this.kept.has(path, snapshot);
  }

  /**
   * Runs a file's intake without waiting for the store: the outage is noticed by the heartbeat only seconds later,
   * and a store call meanwhile would otherwise hold the file in memory until the server answers (lost on a crash).
   * When a call finds the store gone, the file is kept at once instead.
   */
  async takeInOrKeep<T>(file: StableFile, takeIn: () => Promise<T>): Promise<TakenOrKept<T>> {
    try {
      return { kept: false, value: await this.connection.withoutWaiting(takeIn) };
    } catch (error) {
      if (!this.connection.isUnanswered(error)) throw error;
      await this.keep(file);
      return { kept: true };
    }
  }

  /** Asks the store without waiting for it; undefined when it does not answer (the caller treats the file as new). */
  async askWithoutWaiting<T>(ask: () => Promise<T>): Promise<T | undefined> {
    try {
      return await this.connection.withoutWaiting(ask);
    } catch (error) {
      if (this.connection.isUnanswered(error)) return undefined;
      throw error;
    }
  }

  /** Keeps a stable file until the store answers. */
  keep(file: StableFile): Promise<void> {
    const { path, folderId, origin, snapshot } = file;
    return this.kept.keep({ path, folderId, origin, size: snapshot.size, mtimeMs: snapshot.mtimeMs, keptAt: this.now() });
  }

  /** Intake of this path ended, whatever came of it (a failure is retried at the next return or start). */
  settled(path: string): void {
    this.inIntake.delete(path);
  }

  /** The file was taken in (or is gone, or no folder wants it any more): it is no longer kept. */
  taken(path: string): Promise<void> {
    return this.kept.remove(path);
  }
}
