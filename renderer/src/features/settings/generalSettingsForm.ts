import { z } from 'zod';
import type { Settings, SettingsPatch } from '../../../../electron/shared';
import { SettingsSchema } from '../../../../electron/shared/schemas/settings';

/** The Processing form's values: the settings a person edits, with the settle time in seconds as it is typed. */
export const GeneralFormSchema = SettingsSchema.omit({ dataFolder: true, settleMs: true }).extend({
  settleSeconds: z.number({ error: 'Enter a number of seconds.' }).min(0.05, 'At least 0.05 seconds.').max(60, 'At most 60 seconds.'),
});

export type GeneralForm = z.infer<typeof GeneralFormSchema>;

/** The form's starting values from the saved settings. */
export function settingsToForm(settings: Settings): GeneralForm {
  const { dataFolder: _shown, settleMs, ...rest } = settings;
  return { ...rest, settleSeconds: settleMs / 1000 };
}

/** The form's values as the settings.update patch (the settle time back in whole milliseconds). */
export function formToSettingsPatch(values: GeneralForm): SettingsPatch {
  const { settleSeconds, ...rest } = values;
  return { ...rest, settleMs: Math.round(settleSeconds * 1000) };
}
