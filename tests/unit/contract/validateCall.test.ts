import { describe, expect, it } from 'vitest';
import { ApiCallError, VERB_NAMES, validateCall } from '../../../electron/shared';

function refusal(verb: string, input: unknown): ApiCallError {
  try {
    validateCall(verb, input);
  } catch (error) {
    if (error instanceof ApiCallError) return error;
    throw error;
  }
  throw new Error(`${verb} accepted ${JSON.stringify(input)}`);
}

const validDraft = {
  name: 'Meta feed',
  sizes: [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 1080, height: 1350, policy: 'auto' },
  ],
  output: { format: 'jpeg', quality: 90 },
  naming: { template: '{name}.{ext}', collision: 'suffix' },
  fal: { prompt: '', numImagesPerSize: 1, resolution: '1K', safetyTolerance: '4' },
};

describe('validateCall', () => {
  it('knows every verb of the contract by its group.name', () => {
    expect(VERB_NAMES).toContain('profiles.list');
    expect(VERB_NAMES).toContain('jobs.enqueuePaths');
    expect(VERB_NAMES).toContain('dialog.pickFolder');
    for (const verb of VERB_NAMES) expect(verb).toMatch(/^[a-zA-Z]+\.[a-zA-Z]+$/);
  });

  it('refuses unknown verbs and prototype keys with unknown_verb', () => {
    for (const verb of ['profiles.nope', 'nope', '__proto__.toString', 'profiles.constructor', 'profiles.']) {
      const error = refusal(verb, undefined);
      expect(error.code).toBe('unknown_verb');
      expect(error.message).toContain('no API verb');
    }
  });

  it('accepts a verb without input only when nothing is sent', () => {
    expect(validateCall('profiles.list', undefined).input).toBeUndefined();
    expect(refusal('profiles.list', { extra: 1 }).code).toBe('invalid_input');
  });

  it('applies defaults so handlers get complete input', () => {
    const call = validateCall('folders.add', { path: '/home/me/In', profileId: 'p1' });
    expect(call.input).toEqual({ path: '/home/me/In', profileId: 'p1', enabled: true, recursive: false, polling: null, trusted: false, createIfMissing: false });
  });

  it('names the field and says what is wrong', () => {
    const error = refusal('profiles.create', { draft: { ...validDraft, sizes: [{ width: 0, height: 1080, policy: 'local' }] } });
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toContainEqual({ path: 'draft.sizes.0.width', message: 'The width must be at least 1 pixel.' });
    // The path is for the form; the message is for a person.
    expect(error.message).toBe('Size 1: the width must be at least 1 pixel.');
  });

  it('refuses keys the verb does not take', () => {
    const error = refusal('jobs.retry', { id: 'j1', force: true });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('force');
  });

  it('refuses a fal size no 4K canvas covers, but accepts it for the local engine', () => {
    const huge = { width: 8000, height: 8000 };
    const error = refusal('profiles.create', { draft: { ...validDraft, sizes: [{ ...huge, policy: 'fal' }] } });
    expect(error.issues[0]?.path).toBe('draft.sizes.0.width');
    expect(error.issues[0]?.message).toContain('fal cannot make 8000x8000');
    expect(() => validateCall('profiles.create', { draft: { ...validDraft, sizes: [{ ...huge, policy: 'local' }] } })).not.toThrow();
  });

  it('refuses duplicate sizes in a profile at the second one', () => {
    const sizes = [validDraft.sizes[0], validDraft.sizes[0]];
    const error = refusal('profiles.create', { draft: { ...validDraft, sizes } });
    expect(error.issues).toContainEqual({ path: 'draft.sizes.1.width', message: '1080x1080 is already in the list.' });
  });

  it('checks the fal options ranges', () => {
    const fal = { ...validDraft.fal, numImagesPerSize: 5, safetyTolerance: '7', seed: -1 };
    const paths = refusal('profiles.create', { draft: { ...validDraft, fal } }).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['draft.fal.numImagesPerSize', 'draft.fal.safetyTolerance', 'draft.fal.seed']));
  });

  it('keeps the data folder read-only in settings.update', () => {
    expect(validateCall('settings.update', { concurrency: 4 }).input).toEqual({ concurrency: 4 });
    expect(refusal('settings.update', { dataFolder: '/tmp/x' }).code).toBe('invalid_input');
    expect(refusal('settings.update', { concurrency: 0 }).issues[0]?.path).toBe('concurrency');
  });

  it('refuses a fal key with spaces or too short', () => {
    expect(refusal('falKey.set', { key: 'abc' }).issues[0]?.message).toContain('too short');
    expect(refusal('falKey.set', { key: 'abcd efgh ijkl' }).issues[0]?.message).toContain('no spaces');
    expect(validateCall('falKey.set', { key: '  0123-abcd:ef99  ' }).input).toEqual({ key: '0123-abcd:ef99' });
  });

  it('bounds job queries and refuses unknown states', () => {
    expect(refusal('jobs.query', { limit: 0 }).issues[0]?.path).toBe('limit');
    expect(refusal('jobs.query', { limit: 10, states: ['exploded'] }).issues[0]?.path).toBe('states.0');
    expect(validateCall('jobs.query', { limit: 10, states: ['failed'], since: 0 }).input).toMatchObject({ states: ['failed'] });
  });

  it('refuses paths with NUL characters', () => {
    expect(refusal('shell.revealPath', { path: '/tmp/a\0b' }).issues[0]?.message).toContain('NUL');
  });
});
