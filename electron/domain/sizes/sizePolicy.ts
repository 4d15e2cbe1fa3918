/**
 * Who makes one size of a profile: `fal` always pays for a regeneration, `local` always uses the free embedded
 * engine, `auto` uses the local engine when a cover crop keeps the subject whole and fal otherwise.
 */
export const SIZE_POLICIES = ['fal', 'local', 'auto'] as const;

/** One of SIZE_POLICIES. */
export type SizePolicy = (typeof SIZE_POLICIES)[number];
