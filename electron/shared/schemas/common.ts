import { z } from 'zod';

/** An opaque identifier the host hands out (profiles, folders, jobs). */
export const IdSchema = z.string().min(1, 'An id is required.').max(200);

/** A path on the host's disk as the host spells it; the host decides whether it may be read. */
export const HostPathSchema = z
  .string()
  .min(1, 'A path is required.')
  .max(4096, 'The path is longer than 4096 characters.')
  .refine((value) => !value.includes('\0'), 'The path contains a NUL character.');

/** Milliseconds since the Unix epoch: numbers survive JSON and IPC unchanged, unlike Date objects. */
export const TimestampSchema = z.int().nonnegative();

/** The answer of verbs that only succeed or throw. */
export const OkSchema = z.object({ ok: z.literal(true) });

/** Input of verbs that take nothing; the transports send no body (HTTP) or `undefined` (IPC). */
export const NoInputSchema = z.void();

/** Input of verbs addressing one record by id. */
export const ByIdSchema = z.strictObject({ id: IdSchema });

/** Money is integer cents everywhere so totals never drift. */
export const CentsSchema = z.int().nonnegative();
