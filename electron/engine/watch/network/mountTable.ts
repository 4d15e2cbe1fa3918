/** One mounted filesystem: where it is mounted and its type as the system names it (`cifs`, `nfs4`, `fuse.sshfs`). */
export interface MountEntry {
  readonly mountPoint: string;
  readonly fsType: string;
}

// mountinfo writes space, tab, newline and backslash in paths as octal escapes (\040 ...).
function unescapeOctal(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

/**
 * Parses Linux's /proc/self/mountinfo: `36 35 98:0 /root /mount/point rw,noatime master:1 - ext4 /dev/sda1 rw`.
 * The mount point is the fifth field; the type follows the ` - ` that ends the optional fields. Lines that do not
 * read so are skipped rather than guessed at.
 */
export function parseMountInfo(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const [head, tail] = splitOnce(line, ' - ');
    if (tail === undefined) continue;
    const fields = head.split(' ');
    const fsType = tail.split(' ')[0];
    const mountPoint = fields[4];
    if (fields.length < 6 || !fsType || mountPoint === undefined) continue;
    entries.push({ mountPoint: unescapeOctal(mountPoint), fsType });
  }
  return entries;
}

/**
 * Parses macOS's `mount` output: `//ana@nas.local/Ads on /Volumes/Ads (smbfs, nodev, nosuid, mounted by ana)`.
 * The type is the first word in the parentheses.
 */
export function parseMacMountOutput(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const [, mountPoint, fsType] = /^.+? on (\/.*) \(([^,)]+)[,)]/.exec(line) ?? [];
    if (mountPoint && fsType) entries.push({ mountPoint, fsType: fsType.trim() });
  }
  return entries;
}

/** The mount a path lies on: the longest mount point that is the path or one of its parents. */
export function mountOf(path: string, mounts: readonly MountEntry[]): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const mount of mounts) {
    const point = mount.mountPoint;
    const inside = point === '/' || path === point || path.startsWith(point.endsWith('/') ? point : `${point}/`);
    // On equal points the later line wins: a mount over another one hides it.
    if (inside && (!best || point.length >= best.mountPoint.length)) best = mount;
  }
  return best;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}
