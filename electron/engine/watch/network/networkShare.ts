import { execFile } from 'node:child_process';
import { readFile, realpath } from 'node:fs/promises';
import { promisify } from 'node:util';
import { mountOf, parseMacMountOutput, parseMountInfo, type MountEntry } from './mountTable';
import { isNetworkFsType, isUncPath } from './networkFsTypes';

/** Names the network filesystem a folder lies on (`cifs`, `nfs4`, `fuse.sshfs`, `smb`), or undefined for a local one. */
export type NetworkShareProbe = (folderPath: string) => Promise<string | undefined>;

const run = promisify(execFile);

async function mountTable(platform: NodeJS.Platform): Promise<MountEntry[]> {
  if (platform === 'linux') return parseMountInfo(await readFile('/proc/self/mountinfo', 'utf8'));
  // macOS has no mountinfo; statfs's f_fstypename needs native code, `mount` prints the same table cheaply.
  if (platform === 'darwin') return parseMacMountOutput((await run('/sbin/mount', [], { timeout: 3000 })).stdout);
  return [];
}

/**
 * The network filesystem a folder lies on, read from the system's mount table (Linux: /proc/self/mountinfo; macOS:
 * `mount`), or from the path itself on Windows (a UNC path; a mapped drive letter would need GetDriveTypeW, which
 * is native code, so it is not detected and the user turns polling on). Undefined when local, and when it cannot
 * tell: the folder is then watched with events, as before.
 */
export const networkShareOf: NetworkShareProbe = async (folderPath) => {
  if (process.platform === 'win32') return isUncPath(folderPath) ? 'smb' : undefined;
  try {
    const real = await realpath(folderPath);
    const mount = mountOf(real, await mountTable(process.platform));
    return mount && isNetworkFsType(mount.fsType) ? mount.fsType : undefined;
  } catch {
    return undefined;
  }
};
