import { describe, expect, it } from 'vitest';
import { priceFinishedRequest, quoteRequests, quoteSizes } from '../../../electron/engine/pricing';

const one = { numImagesPerSize: 1, resolution: '1K' as const };
const UNNAMED = 'fal may bill the 4K tier: an answer that names no tier is recorded at the 4K price';

describe('quoteSizes (review first)', () => {
  it('quotes a size fal makes below 4K from the price of the tier fal names up to 4K, saying why, and every charge is inside', () => {
    const [quote] = quoteSizes([{ width: 1080, height: 1920 }], [{ width: 1080, height: 1920 }], one);
    expect(quote).toEqual({ size: '1080x1920', minCents: 15, maxCents: 30, reason: UNNAMED });
    const total = quoteRequests([quote!]);
    // fal reports the tier it used: the ledger charges the vision fee once plus each image at that tier, the minimum.
    expect(priceFinishedRequest([{ resolution: '2K', images: [{}] }]).totalCents).toBe(total.minCents);
    // fal names no tier: the ledger records 4K's price, the top of the range.
    expect(priceFinishedRequest([{ images: [{}] }]).totalCents).toBe(total.maxCents);
  });

  it('gives a range with its reason when fal may pick 4K, and the charge falls inside it', () => {
    // Asked for at least 2K, 1848x2056 is covered by a 2K preset of another shape, but its own shape's 2K is not.
    const targets = [{ width: 1848, height: 2056 }];
    const [quote] = quoteSizes(targets, targets, { numImagesPerSize: 1, resolution: '2K' });
    expect(quote!.minCents).toBeLessThan(quote!.maxCents);
    // The tiers fal may pick already reach 4K: nothing more to say about an unnamed tier.
    expect(quote!.reason).toBe('fal picks 2K or 4K: the price is known once it answers');
    const total = quoteRequests([quote!]);
    for (const tier of ['2K', '4K', undefined]) {
      const charged = priceFinishedRequest([{ resolution: tier, images: [{}] }]).totalCents;
      expect(charged).toBeGreaterThanOrEqual(total.minCents);
      expect(charged).toBeLessThanOrEqual(total.maxCents);
    }
  });

  it('quotes a size only 4K covers exactly', () => {
    const targets = [{ width: 4000, height: 4000 }];
    const [quote] = quoteSizes(targets, targets, one);
    expect(quote).toEqual({ size: '4000x4000', minCents: 30, maxCents: 30, reason: null });
  });

  it('counts every variant and says so', () => {
    const [quote] = quoteSizes([{ width: 1080, height: 1080 }], [{ width: 1080, height: 1080 }], { numImagesPerSize: 3, resolution: '1K' });
    expect(quote).toMatchObject({ minCents: 45, maxCents: 90, reason: `${UNNAMED}; 3 variants, each paid` });
    expect(quoteRequests([quote!]).minCents).toBe(priceFinishedRequest([{ resolution: '1K', images: [{}, {}, {}] }]).totalCents);
    expect(quoteRequests([quote!]).maxCents).toBe(priceFinishedRequest([{ images: [{}, {}, {}] }]).totalCents);
  });

  it('prices a far-aspect target by the canvas fal is asked for, and pays the vision fee once per 10 sizes', () => {
    const [quote] = quoteSizes([{ width: 728, height: 90 }], [{ width: 1584, height: 672 }], one);
    expect(quote).toMatchObject({ size: '728x90', minCents: 15, maxCents: 30 });
    const eleven = Array.from({ length: 11 }, () => ({ minCents: 15, maxCents: 15 }));
    expect(quoteRequests(eleven)).toEqual({ minCents: 11 * 15 + 2 * 5, maxCents: 11 * 15 + 2 * 5, requests: 2 });
    expect(quoteSizes([], [], one)).toEqual([]);
  });
});
