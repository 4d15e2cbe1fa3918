import type { z } from 'zod';
import { fieldSentence } from '../../domain/fieldSentences';
import { SmartResizeError } from '../../domain/errors';
import { ProfileContentSchema, type ProfileContent } from './profileSchema';

/** One problem with one field, addressed the way form libraries (react-hook-form) name fields: "sizes.1.width". */
export interface ProfileFieldIssue {
  /** Dotted path of the field; empty for a problem with the profile as a whole. */
  readonly path: string;
  readonly message: string;
}

/** Every field-level problem of a would-be profile; an empty list means it is valid. For the profile editor form. */
export function profileFieldIssues(input: unknown): ProfileFieldIssue[] {
  const result = ProfileContentSchema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error);
}

/** Turns a zod error into field issues, optionally under a path prefix (e.g. "profile" inside an export file). */
export function toFieldIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): ProfileFieldIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
  }));
}

/** A readable multi-line list, one sentence per line ("- Size 1: the width must be …"), for CLI output and errors. */
function describeFieldIssues(issues: readonly ProfileFieldIssue[]): string {
  return issues.map((issue) => `- ${fieldSentence(issue)}`).join('\n');
}

/** The SmartResizeError('invalid_profile') for a list of issues; `issues` stay attached for programs. */
export function invalidProfileError(intro: string, issues: readonly ProfileFieldIssue[]): SmartResizeError & { issues: readonly ProfileFieldIssue[] } {
  return Object.assign(new SmartResizeError('invalid_profile', `${intro}\n${describeFieldIssues(issues)}`), { issues });
}

/** Validates a profile's content and fills defaults; throws SmartResizeError('invalid_profile') listing every problem. */
export function parseProfileContent(input: unknown): ProfileContent {
  const result = ProfileContentSchema.safeParse(input);
  if (result.success) return result.data;
  throw invalidProfileError('The profile is not valid:', toFieldIssues(result.error));
}
