import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES, ProfileStore, type Profile } from '../../../../electron/engine/profiles';

// Once a team preset stops being shared every instance keeps a copy; jobs of the team's queue name a profile by
// (id, version), so two instances' edits of their copies must never be versions of one id.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** One instance's profiles.json, in a folder of its own. */
function instanceProfiles(): ProfileStore {
  const dir = mkdtempSync(join(tmpdir(), 'sr-stopped-copies-'));
  dirs.push(dir);
  return new ProfileStore({ dataDir: dir });
}

const TEAM_ID = 'team-preset-1';
const teamVersion = (version: number, width: number): Profile => ({
  ...BUILTIN_PROFILES[0]!,
  id: TEAM_ID,
  name: 'Team feed',
  version,
  sizes: [{ width, height: 100, policy: 'local' }],
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: `2026-12-01T10:0${version}:00.000Z`,
});

/** An instance that had the team preset at v1 and v2 and then took its stop. */
function instanceAfterStop(): ProfileStore {
  const profiles = instanceProfiles();
  profiles.adoptTeamVersion(teamVersion(1, 300));
  profiles.adoptTeamVersion(teamVersion(2, 160));
  profiles.adoptTeamStop(TEAM_ID, '2026-12-02T09:00:00.000Z');
  return profiles;
}

describe("a stopped team preset's copies", () => {
  it("are edited under an id of each instance's own, so no job's (id, version) means two contents", () => {
    const a = instanceAfterStop();
    const b = instanceAfterStop();
    const editedOnA = a.update(TEAM_ID, { sizes: [{ width: 50, height: 50, policy: 'local' }] });
    const editedOnB = b.update(TEAM_ID, { sizes: [{ width: 70, height: 70, policy: 'local' }] });

    expect(editedOnA.version).toBe(3);
    expect(editedOnB.version).toBe(3);
    expect(editedOnA.id).not.toBe(TEAM_ID);
    expect(editedOnB.id).not.toBe(TEAM_ID);
    expect(editedOnA.id).not.toBe(editedOnB.id);
    // A job A made with its v3 is unknown on B (never run there with B's v3), and the other way round.
    expect(b.find(editedOnA.id, 3)).toBeUndefined();
    expect(a.find(editedOnB.id, 3)).toBeUndefined();
    // The team's id has only the team's versions: no instance has a v3 of it.
    expect(a.find(TEAM_ID, 3)).toBeUndefined();
    expect(b.find(TEAM_ID, 3)).toBeUndefined();
  });

  it("keep the team's versions readable under the team's id (its jobs), and the team's id finds the copy", () => {
    const a = instanceAfterStop();
    const edited = a.update(TEAM_ID, { name: 'Mine now' });
    expect(a.get(TEAM_ID, 2)).toMatchObject({ id: TEAM_ID, version: 2, name: 'Team feed', sizes: [{ width: 160, height: 100 }] });
    expect(a.get(TEAM_ID, 1)).toMatchObject({ id: TEAM_ID, sizes: [{ width: 300, height: 100 }] });
    // The copy starts from the team's versions (same numbers and content) and goes on from there.
    expect(a.versions(edited.id).map((profile) => [profile.id, profile.version, profile.name])).toEqual([
      [edited.id, 1, 'Team feed'],
      [edited.id, 2, 'Team feed'],
      [edited.id, 3, 'Mine now'],
    ]);
    // Folders and pickers that name the team's id get the copy; the list shows the copy alone.
    expect(a.get(TEAM_ID)).toEqual(edited);
    expect(a.list().filter((profile) => profile.name === 'Mine now' || profile.name === 'Team feed').map((profile) => profile.id)).toEqual([edited.id]);
    // Still a stopped preset (not shared again under any id), and later edits go on in the same copy.
    expect(a.sharingStopped(edited.id)).toBe(true);
    expect(a.update(TEAM_ID, { name: 'Mine again' })).toMatchObject({ id: edited.id, version: 4 });
    expect(() => a.share(edited.id)).toThrow(/stopped being shared/);
  });

  it('are not made before an edit: an instance that never edits its copy runs the team id as the team had it', () => {
    const a = instanceAfterStop();
    expect(a.get(TEAM_ID)).toMatchObject({ id: TEAM_ID, version: 2 });
    // An edit that changes nothing makes no copy either.
    expect(a.update(TEAM_ID, { name: 'Team feed' })).toMatchObject({ id: TEAM_ID, version: 2 });
    // The team's rows read again (under a preset's lock) do not make it a team preset again.
    a.adoptTeamVersion(teamVersion(2, 160));
    a.update(TEAM_ID, { name: 'Edited' });
    a.adoptTeamVersion(teamVersion(1, 300));
    expect(a.isShared(TEAM_ID)).toBe(false);
    expect(a.sharedRecords()).toEqual([]);
  });
});
