import { describe, expect, it } from 'vitest';
import { parseProfileContent, profileFieldIssues } from '../../../electron/engine/profiles';
import { validateCall } from '../../../electron/shared/validateCall';

// A profile's fal.variants: where the variants not chosen go (a variants/ subfolder, or not beside the outputs) and
// whether they are chosen between or each delivered with an A/B suffix. Bad values are refused with what is allowed.

const base = { name: 'Variants', sizes: [{ width: 1080, height: 1080 }] };

describe('the variants setting of a profile', () => {
  it('defaults to choosing one per size with the others in variants/, and keeps what is chosen', () => {
    expect(parseProfileContent(base).fal.variants).toEqual({ keep: 'subfolder', naming: 'choose' });
    expect(parseProfileContent({ ...base, fal: { numImagesPerSize: 2, variants: { keep: 'discard' } } }).fal.variants).toEqual({ keep: 'discard', naming: 'choose' });
    expect(parseProfileContent({ ...base, fal: { variants: { naming: 'ab' } } }).fal.variants).toEqual({ keep: 'subfolder', naming: 'ab' });
  });

  it('refuses other values at their path, saying which are allowed', () => {
    const issues = profileFieldIssues({ ...base, fal: { variants: { keep: 'trash', naming: 'abc' } } });
    expect(issues.map((issue) => issue.path).sort()).toEqual(['fal.variants.keep', 'fal.variants.naming']);
    expect(issues.find((issue) => issue.path === 'fal.variants.keep')?.message).toBe('Use "subfolder" (a variants/ folder beside the output) or "discard" (not kept beside the outputs).');
    expect(issues.find((issue) => issue.path === 'fal.variants.naming')?.message).toBe('Use "choose" (one file per size, a variant picked for it) or "ab" (each variant its own file, name_A, name_B).');
  });

  it('is refused the same way at the API boundary (the editor’s draft)', () => {
    const draft = {
      ...base,
      sizes: [{ width: 1080, height: 1080, policy: 'fal' }],
      output: { format: 'jpeg', quality: 85 },
      naming: { template: '{name}.{ext}', collision: 'suffix' },
      fal: { prompt: '', numImagesPerSize: 2, resolution: '1K', safetyTolerance: '4', variants: { keep: 'subfolders', naming: 'choose' } },
    };
    expect(() => validateCall('profiles.create', { draft })).toThrow('Variants not chosen: use "subfolder" (a variants/ folder beside the output) or "discard" (not kept beside the outputs).');
  });
});
