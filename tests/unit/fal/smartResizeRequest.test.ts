import { describe, expect, it } from 'vitest';
import { batchTargets, buildSmartResizeInput, MAX_SIZES_PER_REQUEST } from '../../../electron/engine/fal/smartResizeInput';
import { outputRefsFromResult } from '../../../electron/engine/fal/smartResizeResult';

const sizes = (count: number) => Array.from({ length: count }, (_, index) => ({ width: 100 + index, height: 200 }));

describe('batchTargets', () => {
  it('keeps up to 10 sizes in one request and splits the rest, in order', () => {
    expect(batchTargets(sizes(10))).toHaveLength(1);
    const split = batchTargets(sizes(23));
    expect(split.map((batch) => batch.length)).toEqual([MAX_SIZES_PER_REQUEST, MAX_SIZES_PER_REQUEST, 3]);
    expect(split.flat()).toEqual(sizes(23));
  });
});

describe('buildSmartResizeInput', () => {
  it('carries every size and every option, and a seed only when set', () => {
    const options = { prompt: 'keep the logo', numImagesPerSize: 2, resolution: '2K' as const, safetyTolerance: '3' };
    const input = buildSmartResizeInput('https://cdn/x.jpg', [{ width: 1080, height: 1350 }, { width: 300, height: 250 }], options, 'webp');
    expect(input).toEqual({
      image_url: 'https://cdn/x.jpg',
      target_sizes: ['1080x1350', '300x250'],
      prompt: 'keep the logo',
      num_images_per_size: 2,
      resolution: '2K',
      output_format: 'webp',
      safety_tolerance: '3',
    });
    expect(buildSmartResizeInput('u', sizes(1), { ...options, seed: 7 }, 'png').seed).toBe(7);
  });
});

describe('outputRefsFromResult', () => {
  const targets = [{ width: 1080, height: 1080 }, { width: 1200, height: 628 }];

  it('pairs outputs with sizes through results[i], not the flat images list', () => {
    const body = {
      // The flat list in a different order must not matter.
      images: [{ url: 'wrong' }],
      results: [
        { images: [{ url: 'a1' }, { url: 'a2' }], resolution: '1K' },
        { images: [{ url: 'b1' }, { url: 'b2' }], resolution: '2K' },
      ],
    };
    const refs = outputRefsFromResult(body, targets, 2);
    expect(refs.map((ref) => [ref.target.width, ref.url, ref.imageIndex, ref.tier])).toEqual([
      [1080, 'a1', 1, '1K'],
      [1080, 'a2', 2, '1K'],
      [1200, 'b1', 1, '2K'],
      [1200, 'b2', 2, '2K'],
    ]);
  });

  it('refuses a result that does not answer every size', () => {
    expect(() => outputRefsFromResult({ results: [{ images: [{ url: 'a' }] }] }, targets, 1)).toThrow(/1 results for 2 sizes/);
    expect(() => outputRefsFromResult({ results: [{ images: [{ url: 'a' }] }, { images: [] }] }, targets, 1)).toThrow(/no image for 1200x628/);
  });
});
