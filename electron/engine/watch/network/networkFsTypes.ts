// Filesystems whose files other machines change: inotify / FSEvents see only what this machine does there, so a
// share's new files arrive with no event. FUSE mounts are mostly remote (sshfs, rclone, s3fs, gvfs); `fuseblk` is a
// local disk through FUSE (NTFS, exFAT) and keeps its events.
const NETWORK_TYPES = new Set([
  'cifs', 'smb3', 'smbfs', 'smb', 'nfs', 'nfs4', 'afs', 'afpfs', 'webdav', 'davfs', '9p', 'ceph', 'glusterfs',
  'lustre', 'gpfs', 'ocfs2', 'gfs2', 'ncpfs', 'coda', 'sshfs', 'macfuse', 'osxfuse', 'fuse',
]);
const LOCAL_FUSE_TYPES = new Set(['fuseblk', 'fuse.portal', 'fuse.lxcfs', 'fuse.snapfuse', 'fuse.gocryptfs']);

/** True for a filesystem type on which a folder must be polled: a network or remote (FUSE) filesystem. */
export function isNetworkFsType(fsType: string): boolean {
  const type = fsType.toLowerCase();
  if (LOCAL_FUSE_TYPES.has(type)) return false;
  return NETWORK_TYPES.has(type) || type.startsWith('fuse.') || type.startsWith('nfs');
}

/** True for a Windows UNC path (`\\nas\Ads`, `//nas/Ads`, `\\?\UNC\nas\Ads`): a share by its very name. */
export function isUncPath(path: string): boolean {
  return /^(?:\\\\\?\\UNC\\|\\\\(?!\?\\)|\/\/)[^\\/]+[\\/][^\\/]+/i.test(path);
}
