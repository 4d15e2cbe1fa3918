import { describe, expect, it } from 'vitest';
import { readSharedFolderBody, sharedFolderBody } from '../../../../electron/engine/profiles/team/sharedFolderBody';
import type { WatchedFolder } from '../../../../electron/engine/settings/settingsSchema';

const folder: WatchedFolder = {
  id: 'nas',
  path: '/mnt/nas/in',
  profileId: 'meta-feed',
  enabled: false,
  recursive: true,
  polling: true,
  trusted: false,
  shared: true,
  reviewFirst: true,
};

describe('a shared folder as the team database holds it', () => {
  it('shares review first with where the folder is and how it is made, and not whether it is switched on here', () => {
    const body = sharedFolderBody(folder);
    expect(body).toEqual({ path: '/mnt/nas/in', profileId: 'meta-feed', recursive: true, polling: true, trusted: false, reviewFirst: true });
    // Round trip through the database (JSON): read back as written.
    expect(readSharedFolderBody(JSON.parse(JSON.stringify(body)))).toEqual(body);
  });

  it('says review first is off for a folder that never had it set (settings written before it existed)', () => {
    const { reviewFirst: _unset, ...older } = folder;
    expect(sharedFolderBody(older).reviewFirst).toBe(false);
    expect(readSharedFolderBody(sharedFolderBody({ ...folder, reviewFirst: false }))?.reviewFirst).toBe(false);
  });

  it('reads a row written before review first was shared without it, so the local setting is kept rather than switched off', () => {
    const oldRow = { path: '/mnt/nas/in', profileId: 'meta-feed', recursive: false, polling: null, trusted: true };
    const body = readSharedFolderBody(oldRow);
    expect(body).toEqual(oldRow);
    expect(body && 'reviewFirst' in body).toBe(false);
    // As the team sync applies it over this instance's folder: its review first survives.
    expect({ ...folder, ...body }.reviewFirst).toBe(true);
  });

  it('refuses a body that is not a folder', () => {
    expect(readSharedFolderBody(null)).toBeUndefined();
    expect(readSharedFolderBody({ path: '/x' })).toBeUndefined();
    expect(readSharedFolderBody('folder')).toBeUndefined();
  });
});
