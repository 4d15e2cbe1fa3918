import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldSentence, fieldSentences } from '../../../electron/domain/fieldSentences';

describe('field paths in words', () => {
  it('names sizes, folders and known fields as a person would, without the input wrappers', () => {
    expect(fieldLabel('draft.sizes.0.width')).toBe('Size 1 width');
    expect(fieldLabel(['profile', 'sizes', 2, 'policy'])).toBe('Size 3 policy');
    expect(fieldLabel('patch.concurrency')).toBe('Jobs at a time');
    expect(fieldLabel('folders.1.path')).toBe('Folder 2 path');
    expect(fieldLabel('draft.fal.numImagesPerSize')).toBe('Images per size');
    expect(fieldLabel('draft.output.someNewField')).toBe('Output some new field');
    expect(fieldLabel('')).toBe('');
  });

  it('makes one sentence per problem, dropping the field name the message already says', () => {
    expect(fieldSentence({ path: 'profile.sizes.0.width', message: 'The width must be at least 1 pixel.' })).toBe('Size 1: the width must be at least 1 pixel.');
    expect(fieldSentence({ path: 'draft.sizes.1', message: '1080x1080 is already in the list.' })).toBe('Size 2: 1080x1080 is already in the list.');
    expect(fieldSentence({ path: 'concurrency', message: 'Too small: expected number to be >=1' })).toBe('Jobs at a time: too small: expected number to be >=1.');
    expect(fieldSentence({ path: '', message: 'give the profile a name' })).toBe('Give the profile a name.');
    expect(fieldSentence({ path: 'draft.output.format', message: 'JPEG needs a quality' })).toBe('Output format: JPEG needs a quality.');
  });

  it('lists a few and counts the rest', () => {
    const issues = Array.from({ length: 7 }, (_, index) => ({ path: `sizes.${index}.width`, message: 'The width must be at least 1 pixel.' }));
    expect(fieldSentences(issues, 2)).toBe('Size 1: the width must be at least 1 pixel. Size 2: the width must be at least 1 pixel. (and 5 more)');
  });
});
