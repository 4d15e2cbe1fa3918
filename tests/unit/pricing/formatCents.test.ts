import { describe, expect, it } from 'vitest';
import { formatCents } from '../../../electron/engine/pricing';

describe('formatCents', () => {
  it('formats integer cents as dollars', () => {
    expect(formatCents(135)).toBe('$1.35');
    expect(formatCents(5)).toBe('$0.05');
    expect(formatCents(0)).toBe('$0.00');
    expect(formatCents(100)).toBe('$1.00');
    expect(formatCents(123456)).toBe('$1,234.56');
    expect(formatCents(-30)).toBe('-$0.30');
  });

  it('stays exact for very large amounts', () => {
    expect(formatCents(Number.MAX_SAFE_INTEGER)).toBe('$90,071,992,547,409.91');
  });

  it('refuses fractions of a cent', () => {
    expect(() => formatCents(1.5)).toThrow(RangeError);
    expect(() => formatCents(Number.NaN)).toThrow(RangeError);
  });
});
