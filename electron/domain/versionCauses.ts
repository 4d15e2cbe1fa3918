/**
 * Why a version of an output exists: the job's `run`, a `nudge` of its frame, a `restore` of an earlier one, a
 * `method` switch (crop / pad / fill style re-made locally), the `pick` of another of fal's variants, a `fal_rerun`
 * of that one size, a `marks` remake (a focal point or keep boxes set), or a review-first job's local `preview`
 * (kept when the approved fal output replaces it). The store's CHECK (migration 17) holds the same list.
 */
export const VERSION_CAUSES = ['run', 'nudge', 'restore', 'method', 'pick', 'fal_rerun', 'marks', 'preview'] as const;

/** One of VERSION_CAUSES. */
export type VersionCause = (typeof VERSION_CAUSES)[number];
