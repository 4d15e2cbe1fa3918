import { describe, expect, it } from 'vitest';
import { DEFAULT_NAMING_TEMPLATE, parseNamingTemplate, templateUsesToken } from '../../../electron/engine/output';

function codeOf(template: string): string | undefined {
  try {
    parseNamingTemplate(template);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('parseNamingTemplate', () => {
  it('splits the default template into segments of literals and tokens', () => {
    expect(parseNamingTemplate(DEFAULT_NAMING_TEMPLATE)).toEqual([
      [{ token: 'folder' }, { literal: '-' }, { token: 'w' }, { literal: 'x' }, { token: 'h' }],
      [{ token: 'dir' }],
      [{ token: 'name' }, { literal: '.' }, { token: 'ext' }],
    ]);
  });

  it('accepts every known token, unicode and spaces in literals', () => {
    const parsed = parseNamingTemplate('Größe {w}×{h}/{profile} {date}/{name}_{n}.{ext}');
    expect(templateUsesToken(parsed, 'n')).toBe(true);
    expect(templateUsesToken(parseNamingTemplate('{name}.{ext}'), 'n')).toBe(false);
  });

  it('refuses paths that aim outside the output root', () => {
    for (const template of ['/etc/{name}.{ext}', '\\\\server\\share\\{name}', 'C:/out/{name}', 'c:{name}', '~/{name}', '../{name}.{ext}', '{folder}/../../{name}', './{name}', 'a/./b/{name}', '..']) {
      expect(codeOf(template), template).toBe('output_path_escape');
    }
  });

  it('refuses malformed templates', () => {
    for (const template of ['', '   ', '{nope}.{ext}', '{name', 'name}', '{{name}}', '{}', 'a\\b/{name}', '{name}/', '{name}:{w}', 'a|b/{name}', 'x\u0000/{name}', 'a\nb', '{dir}', 'x-{dir}/{name}', '{folder}/{dir}']) {
      expect(codeOf(template), JSON.stringify(template)).toBe('invalid_template');
    }
  });

  it('explains the problem in the message', () => {
    expect(() => parseNamingTemplate('{size}.{ext}')).toThrow(/unknown token \{size\}.*\{name\}/);
    expect(() => parseNamingTemplate('../x')).toThrow(/"\.\." folder/);
  });
});
