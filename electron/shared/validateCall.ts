import type { z } from 'zod';
import { ApiCallError } from './apiCallError';
import type { FieldIssue } from './apiError';
import type { VerbName } from './contract/types';
import { getVerbSpec, isVerbName } from './contract/verbLookup';
import type { VerbSpec } from './contract/verb';

/** A call that passed the contract: a known verb and its parsed input (defaults applied, unknown keys refused). */
export interface ValidatedCall {
  readonly verb: VerbName;
  readonly spec: VerbSpec;
  readonly input: unknown;
}

/** Turns zod issues into field paths and messages a person can read. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** One readable sentence for a list of issues, e.g. `draft.sizes.0.width: The width must be at least 1 pixel.` */
export function describeIssues(verb: string, issues: FieldIssue[]): string {
  const parts = issues.slice(0, 5).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return `Invalid input for ${verb}: ${parts.join('; ')}${more}`;
}

/**
 * The gate at every host's door: checks the verb exists and its input matches the contract. Throws an
 * ApiCallError with code `unknown_verb` or `invalid_input` (with field issues) otherwise.
 */
export function validateCall(verb: string, rawInput: unknown): ValidatedCall {
  if (!isVerbName(verb)) {
    throw new ApiCallError('unknown_verb', `There is no API verb named "${verb.slice(0, 100)}".`);
  }
  const spec = getVerbSpec(verb);
  const parsed = spec.input.safeParse(rawInput);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error);
    throw new ApiCallError('invalid_input', describeIssues(verb, issues), issues);
  }
  return { verb, spec, input: parsed.data };
}
