import { describe, expect, it } from 'vitest';
import { formatTiers, ledgerToCsv, localDayKey, spendPeriods } from '../../../electron/engine/spend';
import type { LedgerEntry } from '../../../electron/engine/store';

const row = (overrides: Partial<LedgerEntry>): LedgerEntry => ({
  id: 1, at: Date.UTC(2025, 2, 4, 10), kind: 'charge', cents: 205, jobId: 'j1', requestRowId: 3, requestId: 'r1',
  sourceName: 'a.jpg', profileId: 'p', profileVersion: 2, profileName: 'Meta', folderId: null, folderPath: null,
  images: 2, tiers: '2x1K', ...overrides,
});

describe('spend periods', () => {
  it('starts the day at local midnight, the week on Monday and the month on the 1st', () => {
    const wednesday = new Date(2025, 0, 8, 15, 30).getTime();
    expect(spendPeriods(wednesday)).toEqual({
      dayStart: new Date(2025, 0, 8).getTime(),
      weekStart: new Date(2025, 0, 6).getTime(),
      monthStart: new Date(2025, 0, 1).getTime(),
    });
    // A Sunday belongs to the week that started six days before.
    expect(spendPeriods(new Date(2025, 0, 12, 9).getTime()).weekStart).toBe(new Date(2025, 0, 6).getTime());
    expect(localDayKey(new Date(2025, 11, 31, 23, 59).getTime())).toBe('2025-12-31');
  });
});

describe('the ledger CSV', () => {
  it('has a header and one line per row, quotes what needs quoting and defuses spreadsheet formulas', () => {
    const csv = ledgerToCsv([row({}), row({ id: 2, sourceName: '=HYPERLINK("x"),1.jpg', cents: 7, tiers: '1x4K, 2x1K' })]);
    const lines = csv.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('id,at,kind,cents,usd,job_id,source_name,request_id,profile_id,profile_version,profile_name,folder_id,folder_path,images,tiers');
    expect(lines[1]).toBe('1,2025-03-04T10:00:00.000Z,charge,205,2.05,j1,a.jpg,r1,p,2,Meta,,,2,2x1K');
    expect(lines[2]).toBe('2,2025-03-04T10:00:00.000Z,charge,7,0.07,j1,"\'=HYPERLINK(""x""),1.jpg",r1,p,2,Meta,,,2,"1x4K, 2x1K"');
  });

  it('counts tiers in tier order', () => {
    expect(formatTiers(['4K', '1K', '2K', '1K'])).toBe('2x1K, 1x2K, 1x4K');
    expect(formatTiers([])).toBe('');
  });
});
