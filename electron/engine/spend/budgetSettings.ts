import type { Settings } from '../settings/settingsSchema';

/** The budget part of the settings: caps in whole US cents (null: none) and the burst rule. */
export interface BudgetSettings {
  readonly dailyCapCents: number | null;
  readonly monthlyCapCents: number | null;
  /** Caps on what one watched folder's jobs spend in the current calendar month. */
  readonly folderCaps: Array<{ folderId: string; capCents: number }>;
  readonly burstFiles: number;
  readonly burstWindowMinutes: number;
}

/** The budget fields of the settings, copied out. */
export function budgetOf(settings: Settings): BudgetSettings {
  return {
    dailyCapCents: settings.dailyCapCents,
    monthlyCapCents: settings.monthlyCapCents,
    folderCaps: settings.folderCaps.map((cap) => ({ ...cap })),
    burstFiles: settings.burstFiles,
    burstWindowMinutes: settings.burstWindowMinutes,
  };
}
