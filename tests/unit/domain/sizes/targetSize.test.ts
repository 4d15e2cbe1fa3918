import { describe, expect, it } from 'vitest';
import {
  LOCAL_MAX_SIDE,
  formatTargetSize,
  parseTargetSize,
  parseTargetSizeList,
  validateTargetSize,
} from '../../../../electron/domain/sizes';

describe('target sizes', () => {
  it('parses WxH with x, X or ×, and spaces', () => {
    expect(parseTargetSize('1080x1350')).toEqual({ width: 1080, height: 1350 });
    expect(parseTargetSize(' 300 X 250 ')).toEqual({ width: 300, height: 250 });
    expect(parseTargetSize('728×90')).toEqual({ width: 728, height: 90 });
  });

  it('refuses junk, zero and sides over the local limit', () => {
    for (const text of ['', '1080', '1080x', 'x1080', '10.5x20', '-1x5', 'axb', '1080x1080x3']) {
      expect(() => parseTargetSize(text), text).toThrow(expect.objectContaining({ code: 'invalid_size' }));
    }
    expect(() => parseTargetSize('0x100')).toThrow(/at least 1 pixel/);
    expect(() => parseTargetSize(`${LOCAL_MAX_SIDE + 1}x10`)).toThrow(/16384/);
    expect(parseTargetSize(`${LOCAL_MAX_SIDE}x1`)).toEqual({ width: LOCAL_MAX_SIDE, height: 1 });
    expect(() => validateTargetSize({ width: 1.5, height: 2 })).toThrow(/whole number/);
  });

  it('parses lists, dropping duplicates in order', () => {
    expect(parseTargetSizeList('1080x1080, 1920x1080,1080x1080,,')).toEqual([
      { width: 1080, height: 1080 },
      { width: 1920, height: 1080 },
    ]);
    expect(() => parseTargetSizeList(' , ')).toThrow(/No sizes/);
  });

  it('formats as fal wants it', () => {
    expect(formatTargetSize({ width: 1200, height: 628 })).toBe('1200x628');
  });
});
