import { describe, expect, it } from 'vitest';
import { estimateRequest } from '../../../electron/engine/pricing';

const META = [
  { width: 1080, height: 1080 },
  { width: 1080, height: 1350 },
  { width: 1080, height: 1920 },
  { width: 1200, height: 628 },
];

describe('estimateRequest', () => {
  it('is exact when no size can reach 4K', () => {
    const estimate = estimateRequest(META, { numImagesPerSize: 1, resolution: '1K' });
    expect(estimate).toMatchObject({ minCents: 65, maxCents: 65 });
    expect(estimate.perSize.map((size) => size.tiers)).toEqual([
      { min: '2K', max: '2K' },
      { min: '2K', max: '2K' },
      { min: '2K', max: '2K' },
      { min: '1K', max: '1K' },
    ]);
  });

  it('multiplies by images per size and doubles at a 4K hint, with the vision fee once', () => {
    expect(estimateRequest(META, { numImagesPerSize: 3, resolution: '1K' })).toMatchObject({ minCents: 185, maxCents: 185 });
    expect(estimateRequest(META, { numImagesPerSize: 1, resolution: '4K' })).toMatchObject({ minCents: 125, maxCents: 125 });
  });

  it('gives a range when fal may or may not climb to 4K', () => {
    // 2060x1856: 5:4 at 2K covers it, but the closest shape (1:1) only covers at 4K.
    const estimate = estimateRequest([{ width: 2060, height: 1856 }], { numImagesPerSize: 2, resolution: '1K' });
    expect(estimate.perSize[0]).toMatchObject({ tiers: { min: '2K', max: '4K' }, minCents: 30, maxCents: 60 });
    expect(estimate).toMatchObject({ minCents: 35, maxCents: 65 });
  });

  it('counts local sizes as free and auto sizes as possibly free', () => {
    const estimate = estimateRequest(
      [
        { width: 300, height: 250, policy: 'local' },
        { width: 728, height: 90, policy: 'auto' },
        { width: 1200, height: 628, policy: 'fal' },
      ],
      { numImagesPerSize: 1, resolution: '1K' },
    );
    expect(estimate.perSize.map((size) => [size.minCents, size.maxCents])).toEqual([[0, 0], [0, 15], [15, 15]]);
    expect(estimate).toMatchObject({ minCents: 20, maxCents: 35 });
  });

  it('drops the vision fee from the minimum when every size may stay local', () => {
    const onlyAuto = estimateRequest([{ width: 300, height: 250, policy: 'auto' }], { numImagesPerSize: 1, resolution: '1K' });
    expect(onlyAuto).toMatchObject({ minCents: 0, maxCents: 20 });
    const onlyLocal = estimateRequest([{ width: 9000, height: 9000, policy: 'local' }], { numImagesPerSize: 1, resolution: '1K' });
    expect(onlyLocal).toMatchObject({ minCents: 0, maxCents: 0 });
  });

  it('refuses what cannot be sent', () => {
    expect(() => estimateRequest([{ width: 9000, height: 100 }], { numImagesPerSize: 1, resolution: '1K' })).toThrow(
      expect.objectContaining({ code: 'size_not_coverable_by_fal' }),
    );
    expect(() => estimateRequest([], { numImagesPerSize: 1, resolution: '1K' })).toThrow(/No sizes/);
    for (const count of [0, 5, 1.5]) {
      expect(() => estimateRequest(META, { numImagesPerSize: count, resolution: '1K' })).toThrow(RangeError);
    }
  });
});
