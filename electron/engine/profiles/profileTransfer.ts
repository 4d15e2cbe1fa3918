import { SmartResizeError } from '../../domain/errors';
import type { Profile, ProfileContent } from './profileSchema';
import { ProfileContentSchema } from './profileSchema';
import { invalidProfileError, toFieldIssues } from './profileValidation';

/** The `format` marker of an exported profile file. */
export const PROFILE_FILE_FORMAT = 'smart-resize-profile';
/** The file layout version this build writes; it reads this and older ones (2 added placements, `auto`, budgets). */
const PROFILE_FILE_VERSION = 2;

/** An exported profile as pretty JSON text: `{"format":"smart-resize-profile","formatVersion":2,"profile":{...}}`. */
export function serializeProfile(profile: Profile): string {
  return `${JSON.stringify({ format: PROFILE_FILE_FORMAT, formatVersion: PROFILE_FILE_VERSION, profile }, null, 2)}\n`;
}

/**
 * Reads an exported profile file and returns its validated content (defaults filled). The file's id, version and
 * dates are ignored: they belong to the machine that exported it. Errors are SmartResizeError('invalid_profile')
 * that say which of these went wrong: not JSON, not a profile file, a newer file version, or invalid fields
 * (listed with their paths, such as "profile.sizes.1").
 */
export function parseProfileFile(text: string): ProfileContent {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SmartResizeError('invalid_profile', `This is not a profile file: it is not valid JSON (${(error as Error).message}).`);
  }
  const envelope = (typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  if (envelope['format'] !== PROFILE_FILE_FORMAT) {
    throw new SmartResizeError('invalid_profile', `This is not a Smart Resize profile file: it should have "format": "${PROFILE_FILE_FORMAT}".`);
  }
  const { formatVersion, profile } = envelope;
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    throw new SmartResizeError('invalid_profile', 'This profile file has no valid "formatVersion".');
  }
  if (formatVersion > PROFILE_FILE_VERSION) {
    throw new SmartResizeError(
      'invalid_profile',
      `This profile file was made by a newer version of Smart Resize (file format ${formatVersion}; this version reads ${PROFILE_FILE_VERSION}). Update the app to import it.`,
    );
  }
  const content = ProfileContentSchema.safeParse(profile);
  if (!content.success) throw invalidProfileError('The profile in this file is not valid:', toFieldIssues(content.error, ['profile']));
  return content.data;
}
