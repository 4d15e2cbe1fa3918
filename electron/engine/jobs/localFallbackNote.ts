import { LOCAL_ONLY_REASON_TEXT, type LocalOnlyReason } from '../../domain/localOnlyReasons';
import { formatTargetSize, type TargetSize } from '../../domain/sizes/targetSize';
import type { Profile } from '../profiles';

/**
 * The job-log line for sizes whose policy asks for fal but that the local engine made because fal is not in use
 * (no key, the local default provider, a local-only run), or undefined when there are none. Never silent: the
 * outputs carry the same fact as a mark, and this line says why.
 */
export function localFallbackNote(profile: Profile, madeLocally: readonly TargetSize[], reason: LocalOnlyReason | undefined): string | undefined {
  const asked = madeLocally.filter((target) => profile.sizes.some((size) => size.policy === 'fal' && size.width === target.width && size.height === target.height));
  if (asked.length === 0) return undefined;
  const names = asked.map(formatTargetSize).join(', ');
  const why = reason ? LOCAL_ONLY_REASON_TEXT[reason] : 'fal is not in use';
  return `${names} ${asked.length === 1 ? 'was' : 'were'} set to fal and made by the local engine: ${why}.`;
}
