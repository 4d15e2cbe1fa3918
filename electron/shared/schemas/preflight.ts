import { z } from 'zod';

const CheckStatusSchema = z.enum(['pass', 'warn', 'fail']);

/** One preflight check of an output: what it checked and a sentence a designer understands. */
const PreflightCheckSchema = z.object({
  id: z.enum(['pixels', 'aspect', 'weight', 'format', 'colour', 'upscale', 'safe_zone']),
  status: CheckStatusSchema,
  message: z.string(),
});

/** An output's preflight: the worst check, the placement it was checked against, and every check. */
export const PreflightResultSchema = z.object({
  status: CheckStatusSchema,
  placementId: z.string().optional(),
  checks: z.array(PreflightCheckSchema),
});

/** Outputs by preflight verdict; `unchecked` were written before preflight existed. */
export const PreflightCountsSchema = z.object({
  pass: z.int().nonnegative(),
  warn: z.int().nonnegative(),
  fail: z.int().nonnegative(),
  unchecked: z.int().nonnegative(),
});
