import type { z } from 'zod';

/** One API verb: what a caller sends, what the host answers, and a line saying what it does. */
export interface VerbSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
}

/** Declares a verb; a function rather than a bare object literal so the schemas keep their exact types. */
export function verb<I extends z.ZodType, O extends z.ZodType>(spec: VerbSpec<I, O>): VerbSpec<I, O> {
  return spec;
}
