import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES, ProfileStore } from '../../../electron/engine/profiles';
import { useProfileStoreFolder } from './storeFixture';

const folder = useProfileStoreFolder();
const meta = { name: 'Meta ads', sizes: [{ width: 1080, height: 1080 }, { width: 1080, height: 1350, policy: 'fal' as const }] };

describe('ProfileStore', () => {
  it('starts with only the built-ins and keeps its file in the data folder', () => {
    const store = folder.open();
    expect(store.list()).toEqual(BUILTIN_PROFILES);
    expect(store.path).toBe(join(folder.dataDir(), 'profiles.json'));
  });

  it('creates version 1 and finds it by id or by name in any case', () => {
    const store = folder.open();
    const created = store.create(meta);
    expect(created).toMatchObject({ name: 'Meta ads', version: 1, createdAt: '2025-05-01T12:00:00.000Z', updatedAt: '2025-05-01T12:00:00.000Z' });
    expect(store.get(created.id)).toEqual(created);
    expect(store.get('META ADS')).toEqual(created);
    expect(store.get(' meta ads ')).toEqual(created);
    expect(store.list().map((profile) => profile.name)).toEqual([...BUILTIN_PROFILES.map((profile) => profile.name), 'Meta ads']);
  });

  it('lists user profiles by name after the built-ins', () => {
    const store = folder.open();
    for (const name of ['zeta', 'Alpha', 'beta']) store.create({ ...meta, name });
    expect(store.list().slice(BUILTIN_PROFILES.length).map((profile) => profile.name)).toEqual(['Alpha', 'beta', 'zeta']);
  });

  it('knows the id of every profile a job of it can run with here: the built-ins, and saved ones removed or not', () => {
    const store = folder.open();
    const kept = store.create(meta);
    const removed = store.create({ ...meta, name: 'Old' });
    store.remove(removed.id);
    expect(store.knownIds().sort()).toEqual([...BUILTIN_PROFILES.map((profile) => profile.id), kept.id, removed.id].sort());
    expect(store.get(removed.id).name).toBe('Old');
  });

  it('persists across store instances', () => {
    const created = folder.open().create(meta);
    expect(folder.open().get(created.id)).toEqual(created);
  });

  it('makes a new version on update and keeps old versions readable', () => {
    const store = folder.open();
    const v1 = store.create(meta);
    const v2 = store.update(v1.id, { sizes: [{ width: 300, height: 250 }], fal: { prompt: 'keep the logo' } });
    expect(v2).toMatchObject({ id: v1.id, version: 2, createdAt: v1.createdAt, updatedAt: '2025-05-01T12:01:00.000Z' });
    expect(v2.sizes).toEqual([{ width: 300, height: 250, policy: 'auto' }]);
    expect(v2.fal.prompt).toBe('keep the logo');
    expect(v2.output).toEqual(v1.output);
    expect(store.get(v1.id, 1)).toEqual(v1);
    expect(store.get(v1.id)).toEqual(v2);
    expect(store.versions('Meta ads').map((profile) => profile.version)).toEqual([1, 2]);
    expect(store.list().filter((profile) => profile.id === v1.id)).toEqual([v2]);
  });

  it('merges partial option edits and clears the seed with null', () => {
    const store = folder.open();
    const v1 = store.create({ ...meta, fal: { seed: 7, resolution: '2K' } });
    const v2 = store.update(v1.id, { fal: { seed: null } });
    expect(v2.fal).toEqual({
      prompt: '',
      numImagesPerSize: 1,
      resolution: '2K',
      safetyTolerance: '4',
      farAspect: { cropLocally: true, widerThan: 21 / 9, tallerThan: 9 / 16 },
      variants: { keep: 'subfolder', naming: 'choose' },
    });
    const v3 = store.update(v1.id, { output: { quality: 50 } });
    expect(v3.output).toEqual({ format: 'png', quality: 50, fill: { style: 'blur' }, copyMetadata: true });
  });

  it('adds no version for an edit that changes nothing', () => {
    const store = folder.open();
    const v1 = store.create(meta);
    expect(store.update(v1.id, { name: 'Meta ads', output: { format: 'png' } })).toEqual(v1);
    expect(store.versions(v1.id)).toHaveLength(1);
  });

  it('refuses invalid edits and leaves the profile as it was', () => {
    const store = folder.open();
    const v1 = store.create(meta);
    expect(() => store.update(v1.id, { sizes: [{ width: 9000, height: 9000, policy: 'fal' }] })).toThrow(
      expect.objectContaining({ code: 'invalid_profile', message: expect.stringContaining('Size 1:') }),
    );
    expect(store.versions(v1.id)).toHaveLength(1);
  });

  it('keeps names unique, built-ins included, case-insensitively', () => {
    const store = folder.open();
    const first = store.create(meta);
    expect(() => store.create({ ...meta, name: 'meta ADS' })).toThrow(/already exists/);
    expect(() => store.create({ ...meta, name: 'youtube' })).toThrow(expect.objectContaining({ code: 'invalid_profile' }));
    const other = store.create({ ...meta, name: 'Other' });
    expect(() => store.update(other.id, { name: 'Meta Ads' })).toThrow(/already exists/);
    expect(store.update(first.id, { name: 'META ADS' }).name).toBe('META ADS');
  });

  it('hides removed profiles from the list and names, but keeps their versions by id', () => {
    const store = folder.open();
    const v1 = store.create(meta);
    const v2 = store.update(v1.id, { output: { format: 'jpeg' } });
    store.remove(v1.id);
    expect(store.list().some((profile) => profile.id === v1.id)).toBe(false);
    expect(store.find('Meta ads')).toBeUndefined();
    expect(store.get(v1.id, 1)).toEqual(v1);
    expect(store.get(v1.id, 2)).toEqual(v2);
    expect(() => store.update(v1.id, { name: 'Back' })).toThrow(expect.objectContaining({ code: 'profile_not_found' }));
    const reused = store.create(meta);
    expect(reused.id).not.toBe(v1.id);
    expect(store.get('Meta ads')).toEqual(reused);
  });

  it('says which profile or version is missing', () => {
    const store = folder.open();
    const v1 = store.create(meta);
    expect(() => store.get('nope')).toThrow(expect.objectContaining({ code: 'profile_not_found', message: expect.stringContaining('"nope"') }));
    expect(() => store.get(v1.id, 3)).toThrow(/has no version 3 \(versions 1 to 1 exist\)/);
    expect(store.find(v1.id, 3)).toBeUndefined();
  });

  it('keeps built-ins read-only', () => {
    const store = folder.open();
    expect(store.get('builtin:youtube').name).toBe('YouTube');
    expect(store.get('Pinterest').id).toBe('builtin:pinterest');
    expect(() => store.update('builtin:youtube', { name: 'Mine' })).toThrow(/built-in/);
    expect(() => store.remove('YouTube')).toThrow(/built-in/);
  });

  it('copies a preset into an editable profile', () => {
    const store = folder.open();
    const copy = store.createFromPreset('builtin:iab-display', 'My IAB');
    expect(copy).toMatchObject({ name: 'My IAB', version: 1 });
    expect(copy.id.startsWith('builtin:')).toBe(false);
    expect(copy.sizes).toEqual(store.get('builtin:iab-display').sizes);
    expect(store.createFromPreset('YouTube').name).toBe('YouTube (copy)');
    expect(store.createFromPreset('YouTube').name).toBe('YouTube (copy 2)');
    expect(store.update(copy.id, { sizes: [{ width: 300, height: 250 }] }).version).toBe(2);
    expect(() => store.createFromPreset(copy.id, 'x')).toThrow(/not a built-in preset/);
  });

  it('stores ids containing dots as flat keys', async () => {
    const store = new ProfileStore({ dataDir: folder.dataDir(), newId: () => 'v1.2.3' });
    const created = store.create(meta);
    expect(new ProfileStore({ dataDir: folder.dataDir() }).get('v1.2.3')).toEqual(created);
    const stored = JSON.parse(await readFile(store.path, 'utf8'));
    expect(Object.keys(stored.profiles)).toEqual(['v1.2.3']);
  });

  it('reports a damaged profiles file instead of wiping it', async () => {
    await writeFile(join(folder.dataDir(), 'profiles.json'), '{"formatVersion": 1, "profiles": ');
    expect(() => folder.open().list()).toThrow(expect.objectContaining({ code: 'invalid_profile', message: expect.stringContaining('damaged') }));
    await writeFile(join(folder.dataDir(), 'profiles.json'), JSON.stringify({ formatVersion: 1, profiles: { x: { versions: [{ name: 'x' }] } } }));
    expect(() => folder.open().list()).toThrow(/damaged/);
  });
});
