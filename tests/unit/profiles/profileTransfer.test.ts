import { describe, expect, it } from 'vitest';
import { PROFILE_FILE_FORMAT, parseProfileFile, serializeProfile } from '../../../electron/engine/profiles';
import { useProfileStoreFolder } from './storeFixture';

const folder = useProfileStoreFolder();
const launch = {
  name: 'Launch ✨',
  sizes: [{ width: 1080, height: 1920, policy: 'fal' as const }, { width: 300, height: 250, policy: 'local' as const }],
  output: { format: 'webp' as const, quality: 80 },
  naming: { template: '{profile}/{folder}-{w}x{h}/{name}.{ext}', collision: 'overwrite' as const },
  fal: { prompt: 'keep the bottle upright', numImagesPerSize: 2, resolution: '2K' as const, safetyTolerance: '3' as const, seed: 1234 },
};

function errorOf(action: () => unknown): Error & { code?: string } {
  try {
    action();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('did not throw');
}

describe('profile export and import', () => {
  it('exports the documented envelope', () => {
    const profile = folder.open().create(launch);
    const data = JSON.parse(serializeProfile(profile));
    expect(data).toEqual({ format: PROFILE_FILE_FORMAT, formatVersion: 2, profile });
  });

  it('round-trips into another data folder with identical settings', () => {
    const source = folder.open();
    const original = source.update(source.create(launch).id, { output: { quality: 70 } });
    const text = source.exportProfile('Launch ✨');
    source.remove(original.id);
    const { profile, outcome } = source.importProfile(text);
    expect(outcome).toBe('created');
    expect(profile.id).not.toBe(original.id);
    expect(profile.version).toBe(1);
    const { id: _a, version: _b, createdAt: _c, updatedAt: _d, ...originalContent } = original;
    const { id: _e, version: _f, createdAt: _g, updatedAt: _h, ...importedContent } = profile;
    expect(importedContent).toEqual(originalContent);
    expect(source.exportProfile(profile.id)).toBe(serializeProfile(profile));
  });

  it('exports a chosen older version', () => {
    const store = folder.open();
    const v1 = store.create(launch);
    store.update(v1.id, { name: 'Renamed' });
    expect(parseProfileFile(store.exportProfile(v1.id, 1)).name).toBe('Launch ✨');
  });

  it('tolerates a byte-order mark and fills defaults for missing options', () => {
    const content = parseProfileFile(`\uFEFF{"format":"smart-resize-profile","formatVersion":1,"profile":{"name":"Tiny","sizes":[{"width":300,"height":250}]}}`);
    expect(content.fal.numImagesPerSize).toBe(1);
    expect(content.sizes[0]?.policy).toBe('auto');
  });

  it('explains each kind of bad file', () => {
    expect(errorOf(() => parseProfileFile('not json'))).toMatchObject({ code: 'invalid_profile', message: expect.stringMatching(/not valid JSON/) });
    expect(errorOf(() => parseProfileFile('[]')).message).toMatch(/not a Smart Resize profile file/);
    expect(errorOf(() => parseProfileFile('{"format":"other","formatVersion":1,"profile":{}}')).message).toMatch(/not a Smart Resize profile file/);
    expect(errorOf(() => parseProfileFile('{"format":"smart-resize-profile","profile":{}}')).message).toMatch(/formatVersion/);
    expect(errorOf(() => parseProfileFile('{"format":"smart-resize-profile","formatVersion":3,"profile":{}}')).message).toMatch(/newer version/);
    const invalid = errorOf(() =>
      parseProfileFile('{"format":"smart-resize-profile","formatVersion":1,"profile":{"name":"X","sizes":[{"width":9000,"height":50,"policy":"fal"}],"fal":{"numImagesPerSize":9}}}'),
    );
    expect(invalid.code).toBe('invalid_profile');
    expect(invalid.message).toContain('- Size 1: 9000x50 is too wide for fal');
    expect(invalid.message).toContain('- Images per size: at most 4 images per size.');
  });

  it('does nothing when the same profile is imported twice', () => {
    const store = folder.open();
    const original = store.create(launch);
    const result = store.importProfile(store.exportProfile(original.id));
    expect(result).toEqual({ profile: original, outcome: 'unchanged' });
    expect(store.versions(original.id)).toHaveLength(1);
  });

  it('saves a different profile with a taken name beside it, leaving the existing one untouched', () => {
    const store = folder.open();
    const existing = store.create(launch);
    const text = serializeProfile({ ...existing, output: { ...existing.output, format: 'png', quality: 90 } });
    const first = store.importProfile(text);
    expect(first.outcome).toBe('renamed');
    expect(first.profile.name).toBe('Launch ✨ (imported)');
    expect(store.importProfile(text.replace('"quality": 90', '"quality": 91')).profile.name).toBe('Launch ✨ (imported 2)');
    expect(store.get(existing.id)).toEqual(existing);
  });

  it('makes a new version of the same-named profile when asked to replace it', () => {
    const store = folder.open();
    const existing = store.create(launch);
    const changed = { ...existing, name: 'LAUNCH ✨', fal: { ...existing.fal, seed: undefined, prompt: 'new prompt' } };
    const { profile, outcome } = store.importProfile(serializeProfile(changed), { replaceExisting: true });
    expect(outcome).toBe('new_version');
    expect(profile).toMatchObject({ id: existing.id, version: 2, name: 'LAUNCH ✨' });
    expect(profile.fal.prompt).toBe('new prompt');
    expect(profile.fal.seed).toBeUndefined();
    expect(store.get(existing.id, 1)).toEqual(existing);
  });

  it('never replaces a built-in: an exported built-in with edits comes back renamed', () => {
    const store = folder.open();
    const youtube = store.get('YouTube');
    expect(store.importProfile(serializeProfile(youtube)).outcome).toBe('unchanged');
    const edited = serializeProfile({ ...youtube, output: { ...youtube.output, format: 'jpeg', quality: 85 } });
    const result = store.importProfile(edited, { replaceExisting: true });
    expect(result).toMatchObject({ outcome: 'renamed', profile: { name: 'YouTube (imported)' } });
  });
});
