import { describe, expect, it } from 'vitest';
import {
  IMAGE_4K_PRICE_CENTS,
  IMAGE_PRICE_CENTS,
  VISION_FEE_CENTS,
  imagePriceCents,
  priceFinishedRequest,
} from '../../../electron/engine/pricing';

const images = (count: number) => Array.from({ length: count }, (_, i) => ({ url: `https://cdn/${i}.png` }));

describe('priceFinishedRequest', () => {
  it('uses fal\'s published prices', () => {
    expect([VISION_FEE_CENTS, IMAGE_PRICE_CENTS, IMAGE_4K_PRICE_CENTS]).toEqual([5, 15, 30]);
    expect(imagePriceCents('1K')).toBe(15);
    expect(imagePriceCents('2K')).toBe(15);
    expect(imagePriceCents('4K')).toBe(30);
  });

  it('charges the vision fee once plus each image at the tier fal reported', () => {
    const price = priceFinishedRequest([
      { resolution: '1K', images: images(1) },
      { resolution: '2K', images: images(2) },
      { resolution: '4K', images: images(3) },
    ]);
    expect(price.perSize.map((size) => size.cents)).toEqual([15, 30, 90]);
    expect(price.imagesCents).toBe(135);
    expect(price.totalCents).toBe(140);
    expect(price.visionFeeCents).toBe(5);
    expect(price.hasUnknownResolution).toBe(false);
    expect(price.perSize[2]).toMatchObject({ index: 2, reportedResolution: '4K', billedAs: '4K', imageCount: 3 });
  });

  it('accepts tiers spelled with other case or spaces', () => {
    const price = priceFinishedRequest([{ resolution: ' 4k', images: images(1) }]);
    expect(price.perSize[0]).toMatchObject({ billedAs: '4K', resolutionUnknown: false, reportedResolution: ' 4k' });
    expect(price.totalCents).toBe(35);
  });

  it('prices a missing or unknown tier as 4K and flags it', () => {
    const price = priceFinishedRequest([
      { images: images(1) },
      { resolution: '8K', images: images(1) },
      { resolution: 2, images: images(1) },
      { resolution: '1K', images: images(1) },
    ]);
    expect(price.perSize.map((size) => size.billedAs)).toEqual(['4K', '4K', '4K', '1K']);
    expect(price.perSize.map((size) => size.resolutionUnknown)).toEqual([true, true, true, false]);
    expect(price.perSize[1]?.reportedResolution).toBe('8K');
    expect(price.perSize[2]?.reportedResolution).toBeNull();
    expect(price.hasUnknownResolution).toBe(true);
    expect(price.totalCents).toBe(5 + 30 * 3 + 15);
  });

  it('counts a result without images as free, and an empty request as the vision fee', () => {
    expect(priceFinishedRequest([{ resolution: '2K', images: null }]).totalCents).toBe(5);
    expect(priceFinishedRequest([{ resolution: '2K' }]).perSize[0]?.imageCount).toBe(0);
    expect(priceFinishedRequest([]).totalCents).toBe(5);
  });

  it('produces integer cents only', () => {
    const price = priceFinishedRequest([{ resolution: '4K', images: images(4) }, { resolution: '1K', images: images(3) }]);
    for (const value of [price.totalCents, price.imagesCents, ...price.perSize.map((size) => size.cents)]) {
      expect(Number.isInteger(value)).toBe(true);
    }
  });
});
