import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mountOf, parseMacMountOutput, parseMountInfo } from '../../../electron/engine/watch/network/mountTable';
import { isNetworkFsType, isUncPath } from '../../../electron/engine/watch/network/networkFsTypes';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** The network filesystem a path lies on by a mount table, as networkShareOf decides it; undefined when local. */
function shareOf(path: string, table: ReturnType<typeof parseMountInfo>): string | undefined {
  const mount = mountOf(path, table);
  return mount && isNetworkFsType(mount.fsType) ? mount.fsType : undefined;
}

describe('network share detection from Linux mountinfo', () => {
  const mounts = parseMountInfo(fixture('mountinfo-studio.txt'));

  it.each([
    ['/mnt/nas/Ads/incoming', 'cifs'],
    ['/mnt/nas', 'cifs'],
    ['/srv/nfs/in', 'nfs4'],
    ['/home/ana/remote/in', 'fuse.sshfs'],
    ['/media/ana/Team Share/in', 'smb3'],
    ['/run/user/1000/gvfs/smb-share:server=nas,share=ads', 'fuse.gvfsd-fuse'],
  ])('polls %s: it is on %s', (path, type) => {
    expect(shareOf(path, mounts)).toBe(type);
  });

  it.each([
    ['/home/ana/Pictures', 'the root ext4 disk'],
    ['/tmp/in', 'tmpfs'],
    ['/mnt/nas/archive/in', 'a local disk mounted inside the share'],
    ['/media/ana/USB Stick/in', 'an NTFS stick through fuseblk (octal-escaped space)'],
    ['/mnt/nasty/in', 'a sibling whose name only starts like the share'],
  ])('keeps events for %s (%s)', (path) => {
    expect(shareOf(path, mounts)).toBeUndefined();
  });

  it('skips lines that do not read as mountinfo', () => {
    expect(parseMountInfo('garbage\n\n12 1 0:1 / - \n')).toEqual([]);
  });
});

describe('network share detection from macOS mount output', () => {
  const mounts = parseMacMountOutput(fixture('mount-macos.txt'));

  it('reads the mount point (spaces included) and the type of each line', () => {
    expect(mounts).toContainEqual({ mountPoint: '/Volumes/Export Share', fsType: 'nfs' });
    expect(mounts).toContainEqual({ mountPoint: '/Volumes/Ads', fsType: 'smbfs' });
  });

  it.each([
    ['/Volumes/Ads/incoming', 'smbfs'],
    ['/Volumes/Export Share/in', 'nfs'],
    ['/Users/ana/Pictures', undefined],
    ['/Volumes/Card/DCIM', undefined],
  ])('%s is on %s', (path, type) => {
    expect(shareOf(path, mounts)).toBe(type);
  });
});

describe('Windows UNC paths', () => {
  it.each(['\\\\nas\\Ads\\incoming', '//nas/Ads', '\\\\?\\UNC\\nas\\Ads'])('%s is a share', (path) => {
    expect(isUncPath(path)).toBe(true);
  });

  it.each(['C:\\Users\\ana\\Pictures', '\\\\?\\C:\\in', '/home/ana', '\\\\nas'])('%s is not', (path) => {
    expect(isUncPath(path)).toBe(false);
  });
});
