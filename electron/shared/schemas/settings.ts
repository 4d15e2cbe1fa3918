import { z } from 'zod';
import { CollisionPolicySchema } from './profile';

/** App-wide settings. `dataFolder` is shown, never changed from the UI (it is chosen by --data or the env). */
export const SettingsSchema = z.object({
  concurrency: z.int('Concurrency must be a whole number.').min(1, 'At least 1 job at a time.').max(40, 'At most 40 jobs at a time.'),
  defaultProvider: z.enum(['local', 'fal']),
  namingTemplate: z.string().trim().min(1, 'A naming template is required.').max(300, 'The template is too long.'),
  collisionPolicy: CollisionPolicySchema,
  /** Route fal calls through this proxy (fal's server-proxy protocol); null for direct calls. */
  falProxyUrl: z.url({ protocol: /^https?$/, error: 'Enter an http(s) URL.' }).nullable(),
  /** How long a file in a watched folder must stay unchanged (size and time) before it is taken, in milliseconds. */
  settleMs: z.int('Enter a whole number of milliseconds.').min(50, 'At least 0.05 seconds.').max(60_000, 'At most 60 seconds.'),
  /** The decompression-bomb guard: a source image with more pixels than this is refused (checked at each job start). */
  pixelLimit: z.int('Enter a whole number of pixels.').min(1, 'At least 1 pixel.').max(Number.MAX_SAFE_INTEGER, 'That is too many pixels.'),
  /**
   * The longest a fal request may run, in seconds from its submit, before it is cancelled at fal and retried (or
   * failed "fal did not finish in time"); deadlines learned from recent run times stay below it.
   */
  falDeadlineSeconds: z.int('Enter a whole number of seconds.').min(1, 'At least 1 second.').max(3600, 'At most 3600 seconds (an hour).'),
  /** A drop whose paid work may cost more than this, in cents, asks before sending it (null: never ask). */
  confirmAboveCents: z.int('Enter a whole number of cents.').min(0, 'The amount cannot be negative.').nullable(),
  dataFolder: z.string(),
  closeToTray: z.boolean(),
  startAtLogin: z.boolean(),
});

/** The editable part of the settings; sending `dataFolder` is refused. */
export const SettingsPatchSchema = SettingsSchema.omit({ dataFolder: true }).partial().strict();

/**
 * Where the fal key lives: Electron's `safeStorage`, its plain-text fallback (Linux without a keyring: the UI warns),
 * a file only the user can read (the headless server: a server has no keychain to ask), the FAL_KEY environment
 * variable (cannot be cleared from the UI), or nowhere.
 */
const FalKeyStorageSchema = z.enum(['safeStorage', 'plaintext-fallback', 'file', 'env', 'none']);

/** The only thing the renderer ever learns about the key. */
export const FalKeyStatusSchema = z.object({ configured: z.boolean(), storage: FalKeyStorageSchema });

export const FalKeyInputSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .min(8, 'That is too short to be a fal key.')
    .max(512, 'That is too long to be a fal key.')
    .regex(/^\S+$/, 'A fal key has no spaces.'),
});

/**
 * What one authenticated call to fal said about a key: `valid` (fal accepted it), `invalid` (fal refused it: 401/403),
 * `unreachable` (no answer: offline, DNS, a wrong proxy URL), `no_key` (nothing to test), `unexpected` (any other
 * answer). `message` says it in words, with fal's own reason where it gave one.
 */
export const FalKeyTestSchema = z.object({
  result: z.enum(['valid', 'invalid', 'unreachable', 'no_key', 'unexpected']),
  message: z.string(),
});

/** Test the key typed into the field (not saved), or without one the key in use. */
export const FalKeyTestInputSchema = z.strictObject({ key: FalKeyInputSchema.shape.key.optional() }).optional();

export type Settings = z.infer<typeof SettingsSchema>;
export type FalKeyTest = z.infer<typeof FalKeyTestSchema>;
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
export type FalKeyStorage = z.infer<typeof FalKeyStorageSchema>;
export type FalKeyStatus = z.infer<typeof FalKeyStatusSchema>;
