import { describe, expect, it } from 'vitest';
import { findPlacement } from '../../../electron/domain/placements';
import { BUILTIN_PROFILES, ProfileSchema, builtinVersions, isBuiltinProfileId } from '../../../electron/engine/profiles';
import { formatTargetSize, isFalCoverable } from '../../../electron/domain/sizes';

describe('built-in presets', () => {
  it('are placement-based: every size names its placement, with the placement pixels', () => {
    const table = Object.fromEntries(BUILTIN_PROFILES.map((profile) => [profile.name, profile.sizes.map((size) => `${size.placement} ${formatTargetSize(size)}`)]));
    expect(table).toEqual({
      'Meta feed/stories': ['meta-feed-square 1080x1080', 'meta-feed-portrait 1080x1350', 'meta-reels 1080x1920', 'meta-feed-landscape 1200x628'],
      'IAB display': ['iab-300x250 300x250', 'iab-728x90 728x90', 'iab-160x600 160x600', 'iab-300x600 300x600', 'iab-970x250 970x250', 'iab-320x50 320x50'],
      YouTube: ['youtube-thumbnail 1280x720', 'youtube-banner 2560x1440'],
      'LinkedIn/X': ['linkedin-landscape 1200x628', 'x-widescreen 1200x675'],
      Pinterest: ['pinterest-standard 1000x1500'],
      'Google responsive display': ['google-responsive-landscape 1200x628', 'google-responsive-square 1200x1200', 'google-responsive-portrait 960x1200'],
      'Digital out-of-home': ['dooh-landscape 1920x1080', 'dooh-portrait 1080x1920'],
    });
    for (const size of BUILTIN_PROFILES.flatMap((profile) => profile.sizes)) {
      const spec = findPlacement(size.placement ?? '');
      expect([spec?.width, spec?.height]).toEqual([size.width, size.height]);
    }
  });

  it('write `auto` format, use the auto policy, and pass the profile schema', () => {
    for (const profile of BUILTIN_PROFILES) {
      expect(isBuiltinProfileId(profile.id)).toBe(true);
      expect(profile.output.format).toBe('auto');
      expect(profile.sizes.every((size) => size.policy === 'auto' && isFalCoverable(size))).toBe(true);
      expect(ProfileSchema.parse(profile)).toEqual(profile);
    }
    expect(isBuiltinProfileId('3f2a-uuid')).toBe(false);
  });

  it('keep their bare-size version 1, so jobs made with it still find their exact settings', () => {
    const iab = builtinVersions('builtin:iab-display')!;
    expect(iab.map((profile) => profile.version)).toEqual([1, 2]);
    expect(iab[0]).toMatchObject({ version: 1, output: { format: 'png' } });
    expect(iab[0]?.sizes.map(formatTargetSize)).toEqual(['300x250', '728x90', '160x600', '300x600', '970x250', '320x50']);
    expect(iab[0]?.sizes.some((size) => size.placement)).toBe(false);
    expect(builtinVersions('builtin:linkedin-x')?.[0]?.sizes.map(formatTargetSize)).toEqual(['1200x627', '1600x900']);
    expect(builtinVersions('builtin:dooh')?.map((profile) => profile.version)).toEqual([1]);
  });
});
