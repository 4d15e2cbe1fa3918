import type { z } from 'zod';
import { fieldSentences } from '../domain/fieldSentences';
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

/**
 * The issues as sentences for a person ("Size 1: the width must be at least 1 pixel."); the dotted paths stay in
 * the issues for forms and programs.
 */
export function describeIssues(issues: FieldIssue[]): string {
  return fieldSentences(issues);
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
    throw new ApiCallError('invalid_input', describeIssues(issues), issues);
  }
  return { verb, spec, input: parsed.data };
}
