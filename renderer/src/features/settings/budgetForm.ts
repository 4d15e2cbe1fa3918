import { z } from 'zod';
import type { Budget, BudgetPatch, Folder } from '../../../../electron/shared';
import { centsToDollarsText, MAX_CAP_CENTS, parseDollarsToCents } from './dollars';

/** A cap as typed: empty for none, else dollars and cents. */
const CapText = z.string().refine((text) => {
  if (text.trim() === '') return true;
  const cents = parseDollarsToCents(text);
  return cents !== null && cents <= MAX_CAP_CENTS;
}, 'Enter dollars like 25 or 12.50 (at most $1,000,000), or leave it empty for no cap.');

const wholeNumber = (what: string, min: number, max: number) =>
  z.int({ error: `Enter a whole number of ${what}.` }).min(min, `At least ${min}.`).max(max, `At most ${max.toLocaleString('en-US')}.`);

/** The Budget form's values: caps as the text in their fields, so validation can speak about what was typed. */
export const BudgetFormSchema = z.object({
  dailyCap: CapText,
  monthlyCap: CapText,
  folderCaps: z.array(z.object({ folderId: z.string(), cap: CapText })),
  burstFiles: wholeNumber('files', 1, 100_000),
  burstWindowMinutes: wholeNumber('minutes', 1, 1440),
});

export type BudgetForm = z.infer<typeof BudgetFormSchema>;

/** The form's starting values: every watched folder gets a cap field, empty where it has no cap. */
export function budgetToForm(budget: Budget, folders: readonly Folder[]): BudgetForm {
  const caps = new Map(budget.folderCaps.map((cap) => [cap.folderId, cap.capCents]));
  return {
    dailyCap: centsToDollarsText(budget.dailyCapCents),
    monthlyCap: centsToDollarsText(budget.monthlyCapCents),
    folderCaps: folders.map((folder) => ({ folderId: folder.id, cap: centsToDollarsText(caps.get(folder.id) ?? null) })),
    burstFiles: budget.burstFiles,
    burstWindowMinutes: budget.burstWindowMinutes,
  };
}

/** Validated form values as the budget.update patch, in integer cents; empty fields clear their cap. */
export function formToPatch(values: BudgetForm): BudgetPatch {
  const cents = (text: string) => (text.trim() === '' ? null : parseDollarsToCents(text));
  return {
    dailyCapCents: cents(values.dailyCap),
    monthlyCapCents: cents(values.monthlyCap),
    folderCaps: values.folderCaps.flatMap(({ folderId, cap }) => {
      const capCents = cents(cap);
      return capCents === null ? [] : [{ folderId, capCents }];
    }),
    burstFiles: values.burstFiles,
    burstWindowMinutes: values.burstWindowMinutes,
  };
}
