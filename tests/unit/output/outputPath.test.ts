import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOutputPath, type OutputPathRequest } from '../../../electron/engine/output';

const base: OutputPathRequest = {
  sourcePath: '/a/photos/x.jpg',
  size: { width: 1080, height: 1080 },
  format: 'png',
};
const pathOf = (overrides: Partial<OutputPathRequest>) => resolveOutputPath({ ...base, ...overrides }).path;

function codeOf(overrides: Partial<OutputPathRequest>): string | undefined {
  try {
    pathOf(overrides);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('resolveOutputPath', () => {
  it('writes into a sibling folder by default', () => {
    expect(resolveOutputPath(base)).toEqual({ path: '/a/photos-1080x1080/x.png', root: '/a' });
    expect(pathOf({ format: 'jpeg', size: { width: 1200, height: 628 } })).toBe('/a/photos-1200x628/x.jpg');
  });

  it('mirrors subfolders of the watched folder, with no double slash at the top', () => {
    expect(pathOf({ sourcePath: '/a/photos/2024/june/x.jpg', watchedFolder: '/a/photos' })).toBe('/a/photos-1080x1080/2024/june/x.png');
    expect(pathOf({ sourcePath: '/a/photos/x.jpg', watchedFolder: '/a/photos' })).toBe('/a/photos-1080x1080/x.png');
  });

  it('resolves under an explicit output root', () => {
    expect(pathOf({ outputRoot: '/out' })).toBe('/out/photos-1080x1080/x.png');
    expect(pathOf({ outputRoot: 'relative/out' })).toBe(join(process.cwd(), 'relative/out/photos-1080x1080/x.png'));
  });

  it('fills every token', () => {
    const path = pathOf({
      template: '{profile}/{date}/{folder}/{name}_{w}x{h}_{n}.{ext}',
      profileName: 'Meta ads',
      format: 'webp',
      imageIndex: 2,
      imageCount: 3,
      now: new Date(2025, 0, 9, 23, 59),
    });
    expect(path).toBe('/a/Meta ads/2025-01-09/photos/x_1080x1080_2.webp');
  });

  it('keeps unicode and spaces in names', () => {
    expect(pathOf({ sourcePath: '/a/Фото лето/été 2024 🎉.jpeg' })).toBe('/a/Фото лето-1080x1080/été 2024 🎉.png');
    expect(pathOf({ sourcePath: '/a/p/my.photo.final.jpg' })).toBe('/a/p-1080x1080/my.photo.final.png');
  });

  it('numbers images 2.. when the template has no {n}', () => {
    const nth = (imageIndex: number) => pathOf({ imageIndex, imageCount: 3 });
    expect([nth(1), nth(2), nth(3)]).toEqual(['/a/photos-1080x1080/x.png', '/a/photos-1080x1080/x-2.png', '/a/photos-1080x1080/x-3.png']);
    expect(pathOf({ template: '{name}', imageIndex: 2, imageCount: 2 })).toBe('/a/x-2');
    expect(() => pathOf({ imageIndex: 4, imageCount: 3 })).toThrow(RangeError);
  });

  it('names every image with a letter in A/B mode (each variant its own deliverable), unless the template has {n}', () => {
    const nth = (imageIndex: number) => pathOf({ imageIndex, imageCount: 3, variantNaming: 'ab' });
    expect([nth(1), nth(2), nth(3)]).toEqual(['/a/photos-1080x1080/x_A.png', '/a/photos-1080x1080/x_B.png', '/a/photos-1080x1080/x_C.png']);
    expect(pathOf({ imageIndex: 1, imageCount: 1, variantNaming: 'ab' })).toBe('/a/photos-1080x1080/x.png');
    expect(pathOf({ template: '{name}-{n}.{ext}', imageIndex: 2, imageCount: 2, variantNaming: 'ab' })).toBe('/a/x-2.png');
  });

  it('collapses empty tokens instead of leaving empty folders', () => {
    expect(pathOf({ template: '{profile}/{folder}/{name}.{ext}' })).toBe('/a/photos/x.png');
  });

  it('refuses a template whose file name comes out empty', () => {
    expect(codeOf({ template: '{folder}/{profile}', profileName: '' })).toBe('invalid_template');
  });

  it('sanitizes token values that try to climb out or add folders', () => {
    expect(pathOf({ template: '{profile}/{name}.{ext}', profileName: '../../etc' })).toBe('/a/__._etc/x.png');
    expect(pathOf({ template: '{profile}/{name}.{ext}', profileName: '..' })).toBe('/a/_/x.png');
    expect(pathOf({ template: '{profile}-{name}.{ext}', profileName: 'a/b\\c' })).toBe('/a/a_b_c-x.png');
    expect(pathOf({ template: '{profile}{name}.{ext}', profileName: 'nul\u0000/' })).toBe('/a/nul_x.png');
    expect(pathOf({ sourcePath: '/a/photos/..\\..\\evil.jpg' })).toBe('/a/photos-1080x1080/__._evil.png');
    expect(pathOf({ template: '{profile}', profileName: '..' })).toBe('/a/_');
  });

  it('refuses escape attempts in the template', () => {
    for (const template of ['../{name}.{ext}', '/tmp/{name}.{ext}', '{folder}/../../{name}', 'C:/x/{name}', '..\\{name}', './{name}']) {
      expect(codeOf({ template }), template).toMatch(/^(output_path_escape|invalid_template)$/);
    }
    expect(codeOf({ template: '../{name}.{ext}' })).toBe('output_path_escape');
  });

  it('never leaves the output root, whatever the names', () => {
    const hostile = ['..', '.', '../..', '/', '\\', '..\\..', '\u0000', 'a/../../b', '....', ' .. ', '.. ', 'CON'];
    for (const name of hostile) {
      for (const template of ['{name}.{ext}', '{profile}/{name}', '{folder}/{profile}/{name}.{ext}', '{profile}{name}']) {
        let result: string;
        try {
          result = pathOf({ template, profileName: name, outputRoot: '/root/out', sourcePath: `/src/${name.replace(/\//g, '')}x.jpg` });
        } catch (error) {
          expect((error as { code?: string }).code).toMatch(/^(output_path_escape|invalid_template)$/);
          continue;
        }
        expect(result.startsWith('/root/out/'), `${template} with ${JSON.stringify(name)} -> ${result}`).toBe(true);
        expect(result.split('/').slice(3)).not.toContain('..');
      }
    }
  });

  it('refuses a source outside its watched folder', () => {
    expect(codeOf({ sourcePath: '/b/x.jpg', watchedFolder: '/a/photos' })).toBe('output_path_escape');
  });
});
