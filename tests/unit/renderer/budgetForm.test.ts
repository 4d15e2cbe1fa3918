import { describe, expect, it } from 'vitest';
import type { Budget, Folder } from '../../../electron/shared';
import { BudgetFormSchema, budgetToForm, formToPatch } from '../../../renderer/src/features/settings/budgetForm';

const folder = (id: string): Folder => ({
  id,
  path: `/home/me/${id}`,
  profileId: 'p1',
  enabled: true,
  recursive: false,
  polling: false,
  trusted: false,
  status: 'watching',
  statusReason: null,
  counts: { waiting: 0, done: 0, failed: 0 },
});

const budget: Budget = { dailyCapCents: 1250, monthlyCapCents: null, folderCaps: [{ folderId: 'b', capCents: 4000 }, { folderId: 'gone', capCents: 99 }], burstFiles: 20, burstWindowMinutes: 1 };

describe('the Budget form', () => {
  it('starts from the stored budget: dollars as text, a field per watched folder', () => {
    expect(budgetToForm(budget, [folder('a'), folder('b')])).toEqual({
      dailyCap: '12.50',
      monthlyCap: '',
      folderCaps: [{ folderId: 'a', cap: '' }, { folderId: 'b', cap: '40' }],
      burstFiles: 20,
      burstWindowMinutes: 1,
    });
  });

  it('saves typed dollars as integer cents; empty fields clear caps; removed folders lose theirs', () => {
    const values = BudgetFormSchema.parse({ dailyCap: '0.29', monthlyCap: '$1,000', folderCaps: [{ folderId: 'a', cap: '5.5' }, { folderId: 'b', cap: ' ' }], burstFiles: 3, burstWindowMinutes: 10 });
    expect(formToPatch(values)).toEqual({ dailyCapCents: 29, monthlyCapCents: 100_000, folderCaps: [{ folderId: 'a', capCents: 550 }], burstFiles: 3, burstWindowMinutes: 10 });
  });

  it('names the field that is wrong, with what to type instead', () => {
    const result = BudgetFormSchema.safeParse({ dailyCap: 'ten', monthlyCap: '2000000', folderCaps: [{ folderId: 'a', cap: '1.005' }], burstFiles: Number.NaN, burstWindowMinutes: 2000 });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(Object.keys(messages).sort()).toEqual(['burstFiles', 'burstWindowMinutes', 'dailyCap', 'folderCaps.0.cap', 'monthlyCap']);
    expect(messages.dailyCap).toMatch(/Enter dollars like 25 or 12.50/);
    expect(messages.burstFiles).toBe('Enter a whole number of files.');
    expect(messages.burstWindowMinutes).toBe('At most 1,440.');
  });
});
