import { lstat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { FolderFilter } from './folderFilter';
import { isGoneError, type FileSnapshot } from '../intake/fileSnapshot';

/** What a raw event turned out to mean for a candidate file. */
export interface RawFileHandlers {
  readonly present: (path: string, snapshot: FileSnapshot) => void;
  readonly gone: (path: string) => void;
}

/**
 * Follows files through their folders' raw fs.watch events (inotify, FSEvents, ReadDirectoryChangesW all report a
 * folder's children). Used instead of chokidar's file events, which cost one OS watch per file (10,000 inotify
 * watches and ~55 MB for a 10k-file folder) and arrive only after chokidar re-read the whole folder (100-400 ms
 * there). Each event costs one stat; events that arrive while a file's stat runs (a copy writes many chunks)
 * ask for one more afterwards, so the last write is always seen within a stat's time.
 */
export class RawFileEvents {
  /** Stats in flight per file: true when another event came meanwhile. */
  private readonly inFlight = new Map<string, boolean>();

  constructor(
    private readonly filter: FolderFilter,
    private readonly handlers: RawFileHandlers,
  ) {}

  /** chokidar's 'raw' listener arguments: the child's name and the watched folder it belongs to. */
  handle(name: string | null | undefined, details: unknown): void {
    const folder = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
    // No name: the platform did not say which child changed; the next reconcile scan finds it.
    if (!name || typeof folder !== 'string') return;
    const path = join(folder, name);
    if (!path.startsWith(this.filter.root + sep) || !this.filter.isCandidateFile(path)) return;
    if (this.inFlight.has(path)) {
      this.inFlight.set(path, true);
      return;
    }
    this.inFlight.set(path, false);
    // lstat, not stat: a symlink dropped into the folder is skipped like the reconcile scan skips it, or a link to
    // any image on the disk (~/Pictures/private.jpg) would be resized into the shared output folder or sent to fal.
    lstat(path)
      .then(
        (stats) => stats.isFile() && this.handlers.present(path, { size: stats.size, mtimeMs: stats.mtimeMs }),
        (error: unknown) => isGoneError(error) && this.handlers.gone(path),
      )
      .finally(() => {
        const again = this.inFlight.get(path);
        this.inFlight.delete(path);
        if (again) this.handle(name, details);
      });
  }
}
