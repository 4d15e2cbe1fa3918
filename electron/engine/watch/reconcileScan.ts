import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mapWithConcurrency } from '../async/mapWithConcurrency';
import type { FolderFilter } from './folderFilter';
import type { FileSnapshot } from '../intake/fileSnapshot';

/** Options of {@link scanFolder}. */
export interface ScanOptions {
  readonly filter: FolderFilter;
  readonly recursive: boolean;
  /** Folder to start from, inside the watched one (a sub-folder that just appeared). Default: the watched folder. */
  readonly from?: string;
  /** Called for every candidate regular file with its current size and mtime; the scan waits for it. */
  readonly onFile: (path: string, snapshot: FileSnapshot) => void | Promise<void>;
  /** A sub-folder or file that could not be read; the scan goes on without it. */
  readonly onProblem?: (path: string, error: unknown) => void;
  /** Checked between folders: a stopped manager or a folder gone to standby ends the scan early. */
  readonly cancelled?: () => boolean;
  /** Most fs.stat calls in flight. Default 16. */
  readonly statConcurrency?: number;
}

/**
 * Walks a watched folder with plain readdir (the source of truth when watchers miss events) and reports every
 * candidate image with a fresh stat. Never enters ignored folders (outputs, dot folders) or follows symlinks, so it
 * cannot loop. Returns the number of candidate files found. Rejects only when the watched folder itself cannot be
 * read (gone, not a folder, no permission): the caller decides between standby and error.
 */
export async function scanFolder(options: ScanOptions): Promise<number> {
  const { filter } = options;
  const start = options.from ?? filter.root;
  const folders = [start];
  let files = 0;
  while (folders.length > 0 && !options.cancelled?.()) {
    const folder = folders.pop() as string;
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (folder === start) throw error;
      options.onProblem?.(folder, error);
      continue;
    }
    const candidates: string[] = [];
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (options.recursive && !filter.isIgnoredFolder(path)) folders.push(path);
      } else if (filter.isCandidateFile(path)) {
        // Includes entries of unknown type (some network file systems): the stat below tells.
        candidates.push(path);
      }
    }
    const found = await mapWithConcurrency(candidates, options.statConcurrency ?? 16, async (path) => {
      try {
        const stats = await stat(path);
        if (!stats.isFile()) return false;
        await options.onFile(path, { size: stats.size, mtimeMs: stats.mtimeMs });
        return true;
      } catch (error) {
        // Deleted since readdir: nothing to report. Anything else is worth a line in the status.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.onProblem?.(path, error);
        return false;
      }
    });
    files += found.filter(Boolean).length;
  }
  return files;
}
