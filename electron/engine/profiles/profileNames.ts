import { PROFILE_NAME_MAX } from './profileSchema';

/** The form names are compared in: case-insensitive and indifferent to unicode composition and outer spaces. */
export function profileNameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

/**
 * The first of "Base (label)", "Base (label 2)", "Base (label 3)" ... that `isTaken` rejects, shortening the base
 * so the result stays within the name length limit.
 */
export function freeProfileName(base: string, label: string, isTaken: (name: string) => boolean): string {
  for (let attempt = 1; ; attempt++) {
    const suffix = attempt === 1 ? ` (${label})` : ` (${label} ${attempt})`;
    const candidate = `${Array.from(base.trim()).slice(0, PROFILE_NAME_MAX - suffix.length).join('').trimEnd()}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}
