/**
 * Why a version of an output exists: the job's `run`, a `nudge` of its frame, a `restore` of an earlier one, a
 * `method` switch (crop / pad / fill style re-made locally), the `pick` of another of fal's variants, a `fal_rerun`
 * of that one size, or a `marks` remake (a focal point or keep boxes set). The store's CHECK (migration 13) holds
 * the same list.
 */
export const VERSION_CAUSES = ['run', 'nudge', 'restore', 'method', 'pick', 'fal_rerun', 'marks'] as const;

/** One of VERSION_CAUSES. */
export type VersionCause = (typeof VERSION_CAUSES)[number];
