import { z } from 'zod';
import type { Settings, SettingsPatch } from '../../../../electron/shared';
import { SettingsSchema } from '../../../../electron/shared/schemas/settings';

const MEGAPIXEL = 1_000_000;

/**
 * The Processing form's values: the settings a person edits, with the settle time in seconds and the pixel limit
 * in megapixels as they are typed.
 */
export const GeneralFormSchema = SettingsSchema.omit({ dataFolder: true, settleMs: true, pixelLimit: true, confirmAboveCents: true }).extend({
  settleSeconds: z.number({ error: 'Enter a number of seconds.' }).min(0.05, 'At least 0.05 seconds.').max(60, 'At most 60 seconds.'),
  pixelLimitMegapixels: z.number({ error: 'Enter a number of megapixels.' }).min(0.01, 'At least 0.01 megapixels.').max(10_000, 'At most 10,000 megapixels.'),
  /** Dollars as typed; empty means never ask. */
  confirmAboveDollars: z.number({ error: 'Enter an amount in dollars, or leave it empty.' }).min(0, 'The amount cannot be negative.').max(1_000_000, 'That is too much.').nullable(),
  falDeadlineSeconds: z.number({ error: 'Enter a number of seconds.' }).int('Enter a whole number of seconds.').min(1, 'At least 1 second.').max(3600, 'At most 3600 seconds (an hour).'),
});

export type GeneralForm = z.infer<typeof GeneralFormSchema>;

/** The form's starting values from the saved settings (the pixel limit exact, e.g. 268.402689 for the default). */
export function settingsToForm(settings: Settings): GeneralForm {
  const { dataFolder: _shown, settleMs, pixelLimit, confirmAboveCents, ...rest } = settings;
  return { ...rest, settleSeconds: settleMs / 1000, pixelLimitMegapixels: pixelLimit / MEGAPIXEL, confirmAboveDollars: confirmAboveCents === null ? null : confirmAboveCents / 100 };
}

/** The form's values as the settings.update patch (the settle time back in whole milliseconds, the limit in pixels). */
export function formToSettingsPatch(values: GeneralForm): SettingsPatch {
  const { settleSeconds, pixelLimitMegapixels, confirmAboveDollars, ...rest } = values;
  const confirmAboveCents = confirmAboveDollars === null ? null : Math.round(confirmAboveDollars * 100);
  return { ...rest, settleMs: Math.round(settleSeconds * 1000), pixelLimit: Math.round(pixelLimitMegapixels * MEGAPIXEL), confirmAboveCents };
}
