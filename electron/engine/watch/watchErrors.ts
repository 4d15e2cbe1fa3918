/** Out of inotify watches (ENOSPC from fs.watch on Linux) or out of file handles: the watcher is incomplete. */
export function isWatchLimitError(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOSPC' || code === 'EMFILE' || code === 'ENFILE';
}

/** The fs error code, if any. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A watcher or scan problem in words a user can act on. */
export function describeWatchError(error: unknown, folderPath: string): string {
  switch (errorCode(error)) {
    case 'ENOSPC':
      return `The system's limit of watched folders is reached, so changes in ${folderPath} may be missed until the next scan. On Linux, raise fs.inotify.max_user_watches or turn on polling for this folder.`;
    case 'EMFILE':
    case 'ENFILE':
      return `Too many open files to watch ${folderPath}; changes may be missed until the next scan.`;
    case 'EACCES':
    case 'EPERM':
      return `No permission to read ${(error as NodeJS.ErrnoException).path ?? folderPath}.`;
    default:
      return `Watching ${folderPath} failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}
