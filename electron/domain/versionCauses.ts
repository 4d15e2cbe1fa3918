/**
 * Why a version of an output exists: the job's `run`, a `nudge` of its frame, a `restore` of an earlier one, a
 * `method` switch (crop / pad / fill style re-made locally), or the `pick` of another of fal's variants.
 */
export const VERSION_CAUSES = ['run', 'nudge', 'restore', 'method', 'pick'] as const;

/** One of VERSION_CAUSES. */
export type VersionCause = (typeof VERSION_CAUSES)[number];
