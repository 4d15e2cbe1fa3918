import { z } from 'zod';

/** Where the job store's choice came from: `--store`, SMART_RESIZE_STORE, the Settings setting, or the default (SQLite). */
const StoreSourceSchema = z.enum(['flag', 'env', 'setting', 'default']);

/** The job store in use and the one saved in Settings (applied at the next start). */
export const StoreChoiceSchema = z.object({
  inUse: z.object({ kind: z.enum(['sqlite', 'postgres']), location: z.string() }),
  source: StoreSourceSchema,
  /** The PostgreSQL URL saved in Settings, password redacted; null: SQLite in the data folder. */
  saved: z.string().nullable(),
  /** The saved choice differs from the one in use: it applies when the app starts again (unless `--store` or the environment overrides it). */
  restartToApply: z.boolean(),
});

/** Saves a PostgreSQL URL (tested by connecting first) or, with null, goes back to SQLite in the data folder. */
export const StoreChoiceInputSchema = z.strictObject({
  url: z
    .string()
    .trim()
    .max(2000)
    .regex(/^postgres(ql)?:\/\//i, 'A team store is a postgres:// or postgresql:// URL.')
    .nullable(),
});

export type StoreChoice = z.infer<typeof StoreChoiceSchema>;
