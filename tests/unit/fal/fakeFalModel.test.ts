import { describe, expect, it } from 'vitest';
import { coveringPreset } from '../../support/fakeFal';
import { validateSmartResizeInput } from '../../support/fakeFal/validateInput';

describe('fake fal protocol: covering preset', () => {
  it('picks the nearest aspect at the smallest tier that covers the target, at or above the hint', () => {
    expect(coveringPreset(1000, 1000, '1K')).toMatchObject({ aspectRatio: '1:1', tier: '1K' });
    expect(coveringPreset(1080, 1080, '1K')).toMatchObject({ aspectRatio: '1:1', tier: '2K', width: 2048 });
    expect(coveringPreset(1000, 1000, '4K')).toMatchObject({ aspectRatio: '1:1', tier: '4K' });
    expect(coveringPreset(1920, 1080, '1K')).toMatchObject({ aspectRatio: '16:9', tier: '2K' });
    expect(coveringPreset(6336, 2688, '1K')).toMatchObject({ aspectRatio: '21:9', tier: '4K' });
    expect(coveringPreset(6337, 100, '1K')).toBeUndefined();
  });

  it('falls back to another aspect when the nearest one cannot cover even at 4K', () => {
    // 4100x3700 is nearest 1:1, whose 4K (4096x4096) is too narrow; 5:4 at 4K (4608x3712) covers it.
    expect(coveringPreset(4100, 3700, '1K')).toMatchObject({ aspectRatio: '5:4', tier: '4K' });
  });
});

describe('fake fal protocol: input validation', () => {
  it('fills fal defaults for a minimal valid input', () => {
    const { input, errors } = validateSmartResizeInput({ image_url: 'u', target_sizes: ['10x20'] });
    expect(errors).toEqual([]);
    expect(input).toMatchObject({ num_images_per_size: 1, resolution: '1K', output_format: 'png', safety_tolerance: '4', prompt: '' });
  });

  it('reports each bad field with pydantic-style loc and type', () => {
    const { errors } = validateSmartResizeInput({ target_sizes: 'big', output_format: 'gif', seed: 1.5, safety_tolerance: 4 });
    expect(errors.map((e) => `${e.loc.join('.')}:${e.type}`).sort()).toEqual([
      'body.image_url:missing',
      'body.output_format:literal_error',
      'body.safety_tolerance:literal_error',
      'body.seed:int_type',
      'body.target_sizes:list_type',
    ]);
  });
});
