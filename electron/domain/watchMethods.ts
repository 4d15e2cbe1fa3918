/**
 * How a watched folder learns of new files: the system's change events, polling because the person chose it, or
 * polling because the folder is on a network share (SMB, NFS, sshfs...), whose changes from other machines send
 * no event here.
 */
export const WATCH_METHODS = ['events', 'polling', 'network_polling'] as const;
export type WatchMethod = (typeof WATCH_METHODS)[number];
