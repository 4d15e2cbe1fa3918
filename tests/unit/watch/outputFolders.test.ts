import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOutputPath } from '../../../electron/engine/output';
import { outputFolderNamePattern, templateOutputFolders } from '../../../electron/engine/watch';

const sizes = [
  { width: 1080, height: 1080 },
  { width: 1080, height: 1920 },
];

describe('templateOutputFolders', () => {
  it('gives the sibling folders of the default template', () => {
    expect(templateOutputFolders('/data/photos', { id: 'p', version: 1, provider: 'fal' as const, sizes })).toEqual([
      join('/data', 'photos-1080x1080'),
      join('/data', 'photos-1080x1920'),
    ]);
  });

  it('keeps the leading folders fixed by {profile} {folder} {w} {h} and stops at per-file tokens', () => {
    const profile = { id: 'p', version: 1, provider: 'fal' as const, name: 'Meta ads', sizes, template: 'out/{profile}/{w}x{h}/{date}/{name}.{ext}' };
    expect(templateOutputFolders('/data/photos', profile)).toEqual([
      join('/data', 'out', 'Meta ads', '1080x1080'),
      join('/data', 'out', 'Meta ads', '1080x1920'),
    ]);
  });

  it('fixes no folder when the first one depends on the file, or files go straight to the root', () => {
    expect(templateOutputFolders('/data/photos', { id: 'p', version: 1, provider: 'fal' as const, sizes, template: '{name}/{w}x{h}.{ext}' })).toEqual([]);
    expect(templateOutputFolders('/data/photos', { id: 'p', version: 1, provider: 'fal' as const, sizes, template: '{name}-{w}x{h}.{ext}' })).toEqual([]);
  });

  it('lands where the output writer puts files, unsafe profile names included', () => {
    const template = '{profile}/{folder}-{w}/{name}.{ext}';
    const profile = { id: 'p', version: 1, provider: 'fal' as const, name: '../evil:name', sizes: [sizes[0]!], template };
    const written = resolveOutputPath({ sourcePath: '/data/photos/x.jpg', size: sizes[0]!, format: 'png', template, profileName: profile.name });
    expect(templateOutputFolders('/data/photos', profile)).toEqual([dirname(written.path)]);
  });

  it('survives a broken template', () => {
    expect(templateOutputFolders('/data/photos', { id: 'p', version: 1, provider: 'fal' as const, sizes, template: '{nope}/{name}' })).toEqual([]);
  });
});

describe('outputFolderNamePattern', () => {
  it('matches <watchedName>-<W>x<H> only, whatever the case, with the name taken literally', () => {
    const pattern = outputFolderNamePattern('/data/my.photos (1)');
    expect(pattern.test('my.photos (1)-1080x1350')).toBe(true);
    expect(pattern.test('MY.PHOTOS (1)-20x30')).toBe(true);
    expect(pattern.test('myXphotos (1)-1080x1350')).toBe(false);
    expect(pattern.test('my.photos (1)-1080x')).toBe(false);
    expect(pattern.test('other-1080x1080')).toBe(false);
  });
});
