/** Encodings a profile can write. */
export const OUTPUT_FORMATS = ['png', 'jpeg', 'webp'] as const;

/** One of OUTPUT_FORMATS. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** How to treat an output whose path already exists: add -1, -2 ...; replace it; or keep it and skip. */
export const COLLISION_POLICIES = ['suffix', 'overwrite', 'skip'] as const;

/** One of COLLISION_POLICIES. */
export type CollisionPolicy = (typeof COLLISION_POLICIES)[number];
