/**
 * Why every size of a job runs on the free local engine whatever its policy says: no fal key is set, the person
 * chose the local engine as the default provider, or this run was started local-only (`watch --provider local`).
 */
export const LOCAL_ONLY_REASONS = ['no_key', 'provider_local', 'forced_local'] as const;

/** One of LOCAL_ONLY_REASONS. */
export type LocalOnlyReason = (typeof LOCAL_ONLY_REASONS)[number];

/** Each reason as the end of a sentence ("... made by the local engine: no fal key is set."). */
export const LOCAL_ONLY_REASON_TEXT: Readonly<Record<LocalOnlyReason, string>> = {
  no_key: 'no fal key is set',
  provider_local: 'the default provider is the local engine (Settings)',
  forced_local: 'this run uses the local engine only',
};
