/** Encodings a profile can write. */
const OUTPUT_FORMATS = ['png', 'jpeg', 'webp'] as const;

/** One of OUTPUT_FORMATS. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** How to treat an output whose path already exists: add -1, -2 ...; replace it; or keep it and skip. */
export const COLLISION_POLICIES = ['suffix', 'overwrite', 'skip'] as const;

/** One of COLLISION_POLICIES. */
export type CollisionPolicy = (typeof COLLISION_POLICIES)[number];

/**
 * What a profile may ask for: one of OUTPUT_FORMATS, or `auto` (JPEG for opaque photos, PNG for transparency or
 * few colours, WebP only where a placement takes it), decided per output from its pixels.
 */
export const PROFILE_FORMATS = ['auto', ...OUTPUT_FORMATS] as const;

/** One of PROFILE_FORMATS. */
export type ProfileFormat = (typeof PROFILE_FORMATS)[number];
