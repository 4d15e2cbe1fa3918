import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../electron/engine/jobs/retryPolicy';
import { providerForJob } from '../../../electron/engine/jobs/sizeRouting';
import { ProfileSchema } from '../../../electron/engine/profiles';

describe('retryDelayMs', () => {
  it('grows exponentially with jitter between half and all of the cap, capped at 5 minutes', () => {
    expect(retryDelayMs(1, () => 0)).toBe(2_000);
    expect(retryDelayMs(1, () => 1)).toBe(4_000);
    expect(retryDelayMs(3, () => 0)).toBe(8_000);
    expect(retryDelayMs(30, () => 1)).toBe(300_000);
    const spread = new Set(Array.from({ length: 20 }, () => retryDelayMs(4)));
    expect(spread.size).toBeGreaterThan(1);
  });
});

describe('providerForJob', () => {
  const profile = (policies: Array<'fal' | 'local' | 'auto'>) =>
    ProfileSchema.parse({
      id: 'p',
      name: 'p',
      version: 1,
      createdAt: new Date(0).toISOString(),
      updatedAt: new Date(0).toISOString(),
      sizes: policies.map((policy, index) => ({ width: 100 + index, height: 100, policy })),
    });

  it('is local whenever fal is unavailable, whatever the policies', () => {
    expect(providerForJob(profile(['fal', 'fal']), false)).toBe('local');
  });

  it('follows the policies when fal is available', () => {
    expect(providerForJob(profile(['local', 'local']), true)).toBe('local');
    expect(providerForJob(profile(['fal', 'fal']), true)).toBe('fal');
    expect(providerForJob(profile(['fal', 'local']), true)).toBe('mixed');
    expect(providerForJob(profile(['auto']), true)).toBe('mixed');
  });
});
