import { describe, expect, it } from 'vitest';
import { finishSegment, sanitizeTokenValue } from '../../../electron/engine/output';

describe('sanitizeTokenValue', () => {
  it('keeps unicode and spaces', () => {
    expect(sanitizeTokenValue('Été à Paris 日本 🎉')).toBe('Été à Paris 日本 🎉');
  });

  it('removes separators, dot-dot, controls and Windows-reserved characters', () => {
    expect(sanitizeTokenValue('a/b\\c')).toBe('a_b_c');
    expect(sanitizeTokenValue('..')).toBe('_');
    expect(sanitizeTokenValue('../../etc/passwd')).toBe('__._etc_passwd');
    expect(sanitizeTokenValue('x\u0000y\u001fz\u007f')).toBe('xyz');
    expect(sanitizeTokenValue('a<b>c:d"e|f?g*h')).toBe('a_b_c_d_e_f_g_h');
    expect(sanitizeTokenValue('.hidden')).toBe('_hidden');
    expect(sanitizeTokenValue('wait...what')).toBe('wait.what');
  });

  it('never yields a value containing a separator or ".."', () => {
    const nasty = ['..', '...', '/..', '..\\', '.\u0000.', '. .', '%2e%2e', '..//..', '\\\\?\\C:'];
    for (const value of nasty) {
      const clean = sanitizeTokenValue(value);
      expect(clean).not.toMatch(/[/\\]/);
      expect(clean).not.toContain('..');
      expect(clean.startsWith('.')).toBe(false);
    }
  });

  it('caps long values at 150 bytes without cutting a character in half', () => {
    const clean = sanitizeTokenValue('é'.repeat(200));
    expect(Buffer.byteLength(clean)).toBeLessThanOrEqual(150);
    expect(clean).toBe('é'.repeat(75));
    const emoji = sanitizeTokenValue('👍🏽'.repeat(40));
    expect(emoji.length % '👍🏽'.length).toBe(0);
  });
});

describe('finishSegment', () => {
  it('drops trailing dots and spaces, which Windows would drop anyway', () => {
    expect(finishSegment('name. . ')).toBe('name');
    expect(finishSegment('...')).toBe('');
  });

  it('defuses Windows device names, with or without an extension', () => {
    expect(finishSegment('CON')).toBe('CON_');
    expect(finishSegment('nul.png')).toBe('nul_.png');
    expect(finishSegment('com1.tar.gz')).toBe('com1_.tar.gz');
    expect(finishSegment('console.png')).toBe('console.png');
  });
});
