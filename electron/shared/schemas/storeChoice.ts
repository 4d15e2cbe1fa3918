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
  /** This instance's name in a team ("made by" in History, "connected" on the other instances). */
  instance: z.object({
    /** The name this instance has in its team; null on SQLite (no team). */
    inUse: z.string().nullable(),
    /** The name saved in Settings; null: the default, `user@host`. */
    saved: z.string().nullable(),
    /** The name the next start takes (the saved one, else `user@host`), unless `--instance` or the environment names it. */
    next: z.string(),
    source: StoreSourceSchema,
    /** The next name differs from the one in use on the team store: it applies when the app starts again. */
    restartToApply: z.boolean(),
  }),
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

/** Saves this instance's name in a team (or, with null, goes back to `user@host`); applied at the next start. */
export const InstanceNameInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Give the instance a name, or use the default.')
    .max(64, 'An instance name is at most 64 characters.')
    .regex(/^[^\p{Cc}]*$/u, 'An instance name cannot hold control characters.')
    .nullable(),
});

export type StoreChoice = z.infer<typeof StoreChoiceSchema>;
