import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES, ProfileSchema, isBuiltinProfileId } from '../../../electron/engine/profiles';
import { formatTargetSize, isFalCoverable } from '../../../electron/domain/sizes';

describe('built-in presets', () => {
  it('are the five documented presets with their exact sizes', () => {
    const table = Object.fromEntries(BUILTIN_PROFILES.map((profile) => [profile.name, profile.sizes.map(formatTargetSize)]));
    expect(table).toEqual({
      'Meta feed/stories': ['1080x1080', '1080x1350', '1080x1920', '1200x628'],
      'IAB display': ['300x250', '728x90', '160x600', '300x600', '970x250', '320x50'],
      YouTube: ['1280x720', '2560x1440'],
      'LinkedIn/X': ['1200x627', '1600x900'],
      Pinterest: ['1000x1500'],
    });
  });

  it('have builtin: ids, version 1, auto policy, and pass the profile schema', () => {
    expect(BUILTIN_PROFILES.map((profile) => profile.id)).toEqual([
      'builtin:meta-feed-stories',
      'builtin:iab-display',
      'builtin:youtube',
      'builtin:linkedin-x',
      'builtin:pinterest',
    ]);
    for (const profile of BUILTIN_PROFILES) {
      expect(isBuiltinProfileId(profile.id)).toBe(true);
      expect(profile.version).toBe(1);
      expect(profile.sizes.every((size) => size.policy === 'auto' && isFalCoverable(size))).toBe(true);
      expect(ProfileSchema.parse(profile)).toEqual(profile);
    }
    expect(isBuiltinProfileId('3f2a-uuid')).toBe(false);
  });
});
