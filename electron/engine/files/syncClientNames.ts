// Sync clients (Dropbox, Google Drive, OneDrive, Nextcloud, Syncthing, Resilio) write partial downloads under names
// of their own, keep caches inside the synced folder, and leave a second file when two people changed one at once.
// None of these is work, and none is a file the folder failed to take: a team's shared folder is often one of them.
const SYNC_PARTIAL_SUFFIXES = ['.tmp.drivedownload', '.tmp.driveupload', '.!sync', '.dropbox.attr'];
const SYNC_FOLDERS = new Set(['.dropbox.cache', '.tmp.drivedownload', '.tmp.driveupload', '.stfolder', '.stversions']);
// "photo (Ana's conflicted copy 2026-12-01).jpg" (Dropbox, Nextcloud), "photo (Case Conflict).jpg" (Dropbox),
// "photo.sync-conflict-20261201-101010-ABCDEFG.jpg" (Syncthing).
const CONFLICT_COPY = /\((?:[^()]*\s)?conflicted copy\b[^()]*\)|\(case conflict(?: \d+)?\)|\.sync-conflict-\d{8}-\d{6}/i;

/** True for a sync client's partial download or conflict copy (by the file's name alone). */
export function isSyncClientFileName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return SYNC_PARTIAL_SUFFIXES.some((suffix) => lower.endsWith(suffix)) || CONFLICT_COPY.test(fileName);
}

/**
 * True when a path lies inside a sync client's own folder (`.dropbox.cache/...`, Syncthing's `.stversions/...` of
 * old copies), wherever that sits: a CLI argument or a drop names such paths whole.
 */
export function isInSyncClientFolder(path: string): boolean {
  return path.split(/[\\/]/).some((segment) => SYNC_FOLDERS.has(segment.toLowerCase()));
}
