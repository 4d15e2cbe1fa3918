import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../electron/engine/profiles';

/** profiles.json exactly as a version-1 build wrote it: two profiles, one edited twice, one removed. */
function versionOneFile(): string {
  const base = {
    naming: { template: '{folder}-{w}x{h}/{dir}/{name}.{ext}', collision: 'suffix' },
    fal: { prompt: '', numImagesPerSize: 1, resolution: '1K', safetyTolerance: '4' },
    createdAt: '2025-02-01T10:00:00.000Z',
  };
  const launch = (version: number, quality: number) => ({
    ...base,
    id: 'p-launch',
    name: 'Launch',
    version,
    sizes: [{ width: 1080, height: 1080, policy: 'auto' }, { width: 300, height: 250, policy: 'local' }],
    output: { format: 'jpeg', quality },
    fal: { ...base.fal, seed: 42 },
    updatedAt: `2025-02-0${version}T10:00:00.000Z`,
  });
  const old = { ...base, id: 'p-old', name: 'Old', version: 1, sizes: [{ width: 1920, height: 1080, policy: 'fal' }], output: { format: 'png', quality: 90 }, updatedAt: base.createdAt };
  return JSON.stringify({
    formatVersion: 1,
    profiles: { 'p-launch': { versions: [launch(1, 80), launch(2, 85)] }, 'p-old': { removedAt: '2025-03-01T00:00:00.000Z', versions: [old] } },
  }, null, '\t');
}

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function dataDirWith(text: string): string {
  dir = mkdtempSync(join(tmpdir(), 'profiles-migration-'));
  writeFileSync(join(dir, 'profiles.json'), text);
  return dir;
}

describe('profiles.json migration 2 (rights metadata setting)', () => {
  it('keeps every version of every profile, removed ones too, and states the new setting', () => {
    const dataDir = dataDirWith(versionOneFile());
    const before = JSON.parse(versionOneFile());
    const store = new ProfileStore({ dataDir });
    const versions = store.versions('p-launch');
    expect(versions).toHaveLength(2);
    for (const [index, version] of versions.entries()) {
      const old = before.profiles['p-launch'].versions[index];
      expect(version).toMatchObject({ ...old, output: { ...old.output, copyMetadata: true } });
      expect(version.sizes).toEqual(old.sizes);
    }
    expect(store.get('p-old', 1)).toMatchObject({ name: 'Old', output: { format: 'png', quality: 90, copyMetadata: true } });
    expect(store.list().map((profile) => profile.name)).not.toContain('Old');
    const onDisk = JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8'));
    expect(onDisk.formatVersion).toBe(2);
    expect(onDisk.profiles['p-old'].removedAt).toBe('2025-03-01T00:00:00.000Z');
  });

  it('copies the old file to profiles.v1.backup.json first, and migrates only once', () => {
    const dataDir = dataDirWith(versionOneFile());
    new ProfileStore({ dataDir }).list();
    expect(readFileSync(join(dataDir, 'profiles.v1.backup.json'), 'utf8')).toBe(versionOneFile());
    const migrated = readFileSync(join(dataDir, 'profiles.json'), 'utf8');
    const again = new ProfileStore({ dataDir });
    expect(again.versions('p-launch')).toHaveLength(2);
    expect(readFileSync(join(dataDir, 'profiles.json'), 'utf8')).toBe(migrated);
  });

  it('an edit after the migration adds a version on top of the old ones', () => {
    const store = new ProfileStore({ dataDir: dataDirWith(versionOneFile()) });
    const next = store.update('Launch', { output: { maxKB: 150 } });
    expect(next).toMatchObject({ version: 3, output: { format: 'jpeg', quality: 85, maxKB: 150, copyMetadata: true } });
    expect(store.get('p-launch', 1).output.quality).toBe(80);
  });

  it('refuses a file from a newer build and leaves it untouched', () => {
    const newer = JSON.stringify({ formatVersion: 3, profiles: {} });
    const dataDir = dataDirWith(newer);
    expect(() => new ProfileStore({ dataDir }).list()).toThrow(/written by a newer version of Smart Resize \(layout 3; this version reads up to 2\)/);
    expect(readFileSync(join(dataDir, 'profiles.json'), 'utf8')).toBe(newer);
  });
});
