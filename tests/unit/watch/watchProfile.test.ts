import { describe, expect, it } from 'vitest';
import { jobProviderForSizes } from '../../../electron/engine/watch';

describe('jobProviderForSizes', () => {
  it('is local or fal only when every size says so, mixed otherwise', () => {
    expect(jobProviderForSizes([{ policy: 'local' }, { policy: 'local' }])).toBe('local');
    expect(jobProviderForSizes([{ policy: 'fal' }])).toBe('fal');
    expect(jobProviderForSizes([{ policy: 'fal' }, { policy: 'local' }])).toBe('mixed');
    expect(jobProviderForSizes([{ policy: 'auto' }])).toBe('mixed');
  });
});
