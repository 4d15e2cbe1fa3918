import { describe, expect, it } from 'vitest';
import {
  FAL_RESOLUTIONS,
  isFalCoverable,
  possibleTiers,
  presetsForTier,
  type FalResolution,
} from '../../../../electron/domain/sizes';

const rank = (tier: FalResolution) => FAL_RESOLUTIONS.indexOf(tier);

describe('possibleTiers', () => {
  it('is certain for sizes the closest shape covers at the lowest tier', () => {
    expect(possibleTiers({ width: 300, height: 250 })).toEqual({ min: '1K', max: '1K' });
    expect(possibleTiers({ width: 1200, height: 628 })).toEqual({ min: '1K', max: '1K' });
    expect(possibleTiers({ width: 728, height: 90 })).toEqual({ min: '1K', max: '1K' });
  });

  it('climbs to 2K when no 1K canvas is large enough', () => {
    expect(possibleTiers({ width: 1080, height: 1080 })).toEqual({ min: '2K', max: '2K' });
    expect(possibleTiers({ width: 1080, height: 1920 })).toEqual({ min: '2K', max: '2K' });
  });

  it('gives a range when another shape covers before the closest one does', () => {
    // 1030x928 is nearest 1:1 (1024x1024 at 1K, too narrow), yet 5:4 at 1K (1152x928) covers it.
    expect(possibleTiers({ width: 1030, height: 928 })).toEqual({ min: '1K', max: '2K' });
  });

  it('falls back to 4K when even the closest shape at 4K is too small', () => {
    // Nearest 1:1, but 4096 is too narrow; only 5:4 at 4K (4608x3712) covers.
    expect(possibleTiers({ width: 4097, height: 3700 })).toEqual({ min: '4K', max: '4K' });
  });

  it('never goes below the resolution hint', () => {
    expect(possibleTiers({ width: 300, height: 250 }, '2K')).toEqual({ min: '2K', max: '2K' });
    expect(possibleTiers({ width: 1030, height: 928 }, '2K')).toEqual({ min: '2K', max: '2K' });
    expect(possibleTiers({ width: 1080, height: 1080 }, '4K')).toEqual({ min: '4K', max: '4K' });
  });

  it('refuses targets fal cannot cover', () => {
    expect(() => possibleTiers({ width: 7000, height: 100 })).toThrow(/too wide/);
  });

  it('keeps min <= max and min is the lowest tier with a covering preset, across a grid', () => {
    for (let width = 50; width <= 6400; width += 173) {
      for (let height = 50; height <= 5600; height += 157) {
        const size = { width, height };
        if (!isFalCoverable(size)) continue;
        const { min, max } = possibleTiers(size);
        expect(rank(min)).toBeLessThanOrEqual(rank(max));
        const lowest = FAL_RESOLUTIONS.find((tier) =>
          presetsForTier(tier).some((preset) => preset.width >= width && preset.height >= height),
        );
        expect(min).toBe(lowest);
      }
    }
  });
});
