import { describe, expect, it } from 'vitest';
import { centsToDollarsText, parseDollarsToCents } from '../../../renderer/src/features/settings/dollars';
import { centTicks, fillDays, localDayKey } from '../../../renderer/src/features/spend/spendDays';
import { spendRange } from '../../../renderer/src/features/spend/spendRange';
import { hashParams, historyLink, pageFromHash } from '../../../renderer/src/shell/routes';

describe('dollar fields', () => {
  it('reads typed dollars as exact integer cents', () => {
    expect(parseDollarsToCents('25')).toBe(2500);
    expect(parseDollarsToCents('0.29')).toBe(29);
    expect(parseDollarsToCents('12.5')).toBe(1250);
    expect(parseDollarsToCents(' $1,200.05 ')).toBe(120_005);
    expect(parseDollarsToCents('0')).toBe(0);
  });

  it('refuses what is not an amount of dollars and cents', () => {
    for (const text of ['', 'abc', '-5', '1.234', '1,20', '1e3', '$', '.5', '12.']) expect(parseDollarsToCents(text)).toBeNull();
  });

  it('writes cents back as the text a field starts with', () => {
    expect(centsToDollarsText(null)).toBe('');
    expect(centsToDollarsText(1250)).toBe('12.50');
    expect(centsToDollarsText(300)).toBe('3');
    expect(centsToDollarsText(5)).toBe('0.05');
    for (const cents of [0, 1, 29, 99, 100, 101, 123_456]) expect(parseDollarsToCents(centsToDollarsText(cents))).toBe(cents);
  });
});

describe('spend by day', () => {
  it('fills the days the ledger has no rows for with zero', () => {
    const days = fillDays([{ day: '2025-03-01', cents: 20 }, { day: '2025-03-03', cents: 35 }], '2025-02-28', '2025-03-04');
    expect(days).toEqual([
      { day: '2025-02-28', cents: 0 },
      { day: '2025-03-01', cents: 20 },
      { day: '2025-03-02', cents: 0 },
      { day: '2025-03-03', cents: 35 },
      { day: '2025-03-04', cents: 0 },
    ]);
  });

  it('keeps days outside the span and crosses month and year ends', () => {
    const days = fillDays([{ day: '2024-12-30', cents: 5 }], '2025-01-01', '2025-01-01');
    expect(days.map((entry) => entry.day)).toEqual(['2024-12-30', '2024-12-31', '2025-01-01']);
    expect(days.reduce((sum, entry) => sum + entry.cents, 0)).toBe(5);
  });

  it('names local days and starts ranges at local midnight', () => {
    const now = new Date(2025, 2, 31, 15, 30).getTime();
    expect(localDayKey(now)).toBe('2025-03-31');
    const { since } = spendRange('30d', now);
    expect(since).toBe(new Date(2025, 2, 2).getTime());
    expect(localDayKey(since!)).toBe('2025-03-02');
    expect(spendRange('all', now)).toEqual({});
  });
});

describe('links into History', () => {
  it('carries the job and a search in the hash, readable back', () => {
    const link = historyLink({ job: 'job 7', search: 'Summer & Sea.jpg' });
    expect(pageFromHash(link)).toBe('history');
    const params = hashParams(link);
    expect(params.get('job')).toBe('job 7');
    expect(params.get('search')).toBe('Summer & Sea.jpg');
    expect(hashParams('#/history').get('job')).toBeNull();
  });
});

describe('chart ticks', () => {
  it('steps through round amounts of whole cents up to the largest day', () => {
    expect(centTicks(135)).toEqual([0, 50, 100, 150]);
    expect(centTicks(40)).toEqual([0, 10, 20, 30, 40]);
    expect(centTicks(3)).toEqual([0, 1, 2, 3]);
    expect(centTicks(0)).toEqual([0, 1]);
    expect(centTicks(9_999)).toEqual([0, 2500, 5000, 7500, 10_000]);
    for (const max of [1, 7, 99, 101, 12_345]) {
      const ticks = centTicks(max);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(5);
    }
  });
});
