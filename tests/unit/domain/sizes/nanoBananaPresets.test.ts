import { describe, expect, it } from 'vitest';
import { SmartResizeError } from '../../../../electron/domain/errors';
import {
  FAL_MAX_HEIGHT,
  FAL_MAX_WIDTH,
  NANO_BANANA_PRESETS,
  assertFalCoverable,
  closestAspectPreset,
  isFalCoverable,
  isFalResolution,
  presetsForTier,
} from '../../../../electron/domain/sizes';

function refusal(width: number, height: number): SmartResizeError {
  try {
    assertFalCoverable({ width, height });
  } catch (error) {
    if (error instanceof SmartResizeError) return error;
    throw error;
  }
  throw new Error(`${width}x${height} was accepted`);
}

describe('Nano Banana Pro preset table', () => {
  it('has the 10 published 1K sizes, and 2K/4K scale each side by 2 and 4', () => {
    expect(presetsForTier('1K')).toHaveLength(10);
    expect(NANO_BANANA_PRESETS).toHaveLength(30);
    const oneK = presetsForTier('1K').find((preset) => preset.aspect === '21:9');
    expect(oneK).toMatchObject({ width: 1584, height: 672 });
    for (const preset of presetsForTier('1K')) {
      const twoK = presetsForTier('2K').find((other) => other.aspect === preset.aspect);
      const fourK = presetsForTier('4K').find((other) => other.aspect === preset.aspect);
      expect(twoK).toMatchObject({ width: preset.width * 2, height: preset.height * 2 });
      expect(fourK).toMatchObject({ width: preset.width * 4, height: preset.height * 4 });
    }
  });

  it('knows the widest (21:9 4K) and tallest (9:16 4K) canvases', () => {
    expect(FAL_MAX_WIDTH).toBe(6336);
    expect(FAL_MAX_HEIGHT).toBe(5504);
  });

  it('finds the closest shape by log-ratio distance', () => {
    expect(closestAspectPreset({ width: 1080, height: 1080 }, '1K').aspect).toBe('1:1');
    expect(closestAspectPreset({ width: 1200, height: 628 }, '1K').aspect).toBe('16:9');
    expect(closestAspectPreset({ width: 728, height: 90 }, '2K').aspect).toBe('21:9');
    expect(closestAspectPreset({ width: 160, height: 600 }, '4K').aspect).toBe('9:16');
    expect(closestAspectPreset({ width: 1080, height: 1350 }, '1K').aspect).toBe('4:5');
  });
});

describe('fal coverage', () => {
  it('accepts every ad size and the exact largest canvases', () => {
    for (const [width, height] of [
      [1080, 1920],
      [300, 250],
      [970, 250],
      [2560, 1440],
      [6336, 2688],
      [3072, 5504],
      [4096, 4096],
    ] as const) {
      expect(isFalCoverable({ width, height })).toBe(true);
      expect(() => assertFalCoverable({ width, height })).not.toThrow();
    }
  });

  it('refuses a too-wide target and says the width is the problem', () => {
    const error = refusal(6337, 100);
    expect(error.code).toBe('size_not_coverable_by_fal');
    expect(error.message).toMatch(/too wide/);
    expect(error.message).toContain('6336');
  });

  it('refuses a too-tall target and says the height is the problem', () => {
    const error = refusal(100, 5505);
    expect(error.code).toBe('size_not_coverable_by_fal');
    expect(error.message).toMatch(/too tall/);
    expect(error.message).toContain('5504');
  });

  it('refuses sides that fit alone but not together, naming the closest canvas', () => {
    expect(isFalCoverable({ width: 4097, height: 4097 })).toBe(false);
    const error = refusal(5000, 5000);
    expect(error.message).toMatch(/no 4K canvas is both 5000 px wide and 5000 px tall/);
    expect(error.message).toContain('4096x4096');
  });

  it('agrees with a brute-force check over all 4K presets', () => {
    for (let width = 64; width <= 7000; width += 311) {
      for (let height = 64; height <= 6000; height += 293) {
        const expected = presetsForTier('4K').some((preset) => preset.width >= width && preset.height >= height);
        expect(isFalCoverable({ width, height })).toBe(expected);
      }
    }
  });
});

describe('fal tiers', () => {
  it('names exactly 1K, 2K and 4K', () => {
    expect(['1K', '2K', '4K'].every(isFalResolution)).toBe(true);
    expect([null, undefined, '', '8K', '1k', 1].some(isFalResolution)).toBe(false);
  });
});
