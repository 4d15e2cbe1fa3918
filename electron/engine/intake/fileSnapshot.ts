// A file's size and mtime, the measure of "unchanged" every intake path uses.

/** What "unchanged" is measured on. */
export interface FileSnapshot {
  readonly size: number;
  /** As fs.stat gives it (fractional milliseconds kept, so equality is exact). */
  readonly mtimeMs: number;
}

/** True when two snapshots describe the same bytes on disk as far as size and mtime can tell. */
export function sameSnapshot(a: FileSnapshot, b: FileSnapshot): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** ENOENT / ENOTDIR: the file (or a folder above it) is no longer there. */
export function isGoneError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
