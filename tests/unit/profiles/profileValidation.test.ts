import { describe, expect, it } from 'vitest';
import { DEFAULT_NAMING_TEMPLATE } from '../../../electron/engine/output';
import { ProfileSchema, parseProfileContent, profileFieldIssues } from '../../../electron/engine/profiles';

const minimal = { name: 'Meta ads', sizes: [{ width: 1080, height: 1080 }] };
const pathsOf = (input: unknown) => profileFieldIssues(input).map((issue) => issue.path);

describe('profile content validation', () => {
  it('fills every default', () => {
    expect(parseProfileContent(minimal)).toEqual({
      name: 'Meta ads',
      sizes: [{ width: 1080, height: 1080, policy: 'auto' }],
      output: { format: 'png', quality: 90, fill: { style: 'blur' }, copyMetadata: true },
      naming: { template: DEFAULT_NAMING_TEMPLATE, collision: 'suffix' },
      fal: {
        prompt: '',
        numImagesPerSize: 1,
        resolution: '1K',
        safetyTolerance: '4',
        farAspect: { cropLocally: true, widerThan: 21 / 9, tallerThan: 9 / 16 },
        variants: { keep: 'subfolder', naming: 'choose' },
      },
    });
    expect(profileFieldIssues(minimal)).toEqual([]);
  });

  it('keeps chosen options and trims the name', () => {
    const content = parseProfileContent({
      name: '  Launch  ',
      sizes: [{ width: 300, height: 250, policy: 'local' }],
      output: { format: 'webp', quality: 75 },
      naming: { template: '{profile}/{name}-{w}x{h}.{ext}', collision: 'skip' },
      fal: { prompt: 'keep the logo', numImagesPerSize: 4, resolution: '2K', safetyTolerance: '2', seed: 42 },
    });
    expect(content.name).toBe('Launch');
    expect(content.fal).toEqual({
      prompt: 'keep the logo',
      numImagesPerSize: 4,
      resolution: '2K',
      safetyTolerance: '2',
      seed: 42,
      farAspect: { cropLocally: true, widerThan: 21 / 9, tallerThan: 9 / 16 },
      variants: { keep: 'subfolder', naming: 'choose' },
    });
    expect(content.naming.collision).toBe('skip');
  });

  it('reports each bad field at its path', () => {
    const issues = profileFieldIssues({
      name: ' ',
      sizes: [{ width: 0, height: 10.5, policy: 'maybe' }],
      output: { format: 'gif', quality: 101 },
      naming: { template: '../{name}', collision: 'rename' },
      fal: { prompt: 'x'.repeat(5001), numImagesPerSize: 5, resolution: '8K', safetyTolerance: '7', seed: -1 },
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      [
        'name',
        'sizes.0.width',
        'sizes.0.height',
        'sizes.0.policy',
        'output.format',
        'output.quality',
        'naming.template',
        'naming.collision',
        'fal.prompt',
        'fal.numImagesPerSize',
        'fal.resolution',
        'fal.safetyTolerance',
        'fal.seed',
      ].sort(),
    );
    expect(issues.find((issue) => issue.path === 'naming.template')?.message).toMatch(/"\.\." folder/);
  });

  it('needs at least one size and refuses duplicates, pointing at the repeat', () => {
    expect(pathsOf({ name: 'x', sizes: [] })).toEqual(['sizes']);
    const issues = profileFieldIssues({ name: 'x', sizes: [{ width: 300, height: 250 }, { width: 728, height: 90 }, { width: 300, height: 250, policy: 'local' }] });
    expect(issues).toEqual([{ path: 'sizes.2', message: '300x250 is already in the list.' }]);
  });

  it('refuses fal and auto sizes fal cannot make, at the size, but allows them locally', () => {
    const issues = profileFieldIssues({ name: 'x', sizes: [{ width: 8000, height: 100, policy: 'fal' }, { width: 100, height: 6000 }, { width: 8000, height: 8000, policy: 'local' }] });
    expect(issues.map((issue) => issue.path)).toEqual(['sizes.0', 'sizes.1']);
    expect(issues[0]?.message).toMatch(/too wide.*"local"/);
    expect(issues[1]?.message).toMatch(/too tall/);
  });

  it('throws invalid_profile with a readable list of paths and messages', () => {
    let caught: unknown;
    try {
      parseProfileContent({ name: '', sizes: [{ width: 5, height: 5 }], output: { quality: 0 } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'invalid_profile' });
    const message = (caught as Error).message;
    expect(message).toContain('- Name: give the profile a name.');
    expect(message).toContain('- Quality: quality is 1 to 100.');
    expect(message).not.toContain('output.quality');
    expect((caught as { issues: unknown[] }).issues).toHaveLength(2);
  });

  it('validates stored versions: id, version >= 1 and ISO dates', () => {
    const stored = { ...minimal, id: 'p1', version: 1, createdAt: '2025-03-01T10:00:00.000Z', updatedAt: '2025-03-01T10:00:00.000Z' };
    expect(ProfileSchema.safeParse(stored).success).toBe(true);
    expect(ProfileSchema.safeParse({ ...stored, version: 0 }).success).toBe(false);
    expect(ProfileSchema.safeParse({ ...stored, createdAt: 'yesterday' }).success).toBe(false);
    expect(ProfileSchema.safeParse({ ...stored, id: '' }).success).toBe(false);
  });
});
