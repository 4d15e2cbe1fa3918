import { ProfileSchema, type Profile } from './profileSchema';

/** Ids of built-in profiles start with this; they are read-only (copy one with createFromPreset to edit it). */
const BUILTIN_ID_PREFIX = 'builtin:';

/** A fixed date so built-ins compare equal across runs and machines. */
const BUILTIN_DATE = '2025-01-01T00:00:00.000Z';

const PRESETS: ReadonlyArray<readonly [slug: string, name: string, sizes: ReadonlyArray<readonly [number, number]>]> = [
  ['meta-feed-stories', 'Meta feed/stories', [[1080, 1080], [1080, 1350], [1080, 1920], [1200, 628]]],
  ['iab-display', 'IAB display', [[300, 250], [728, 90], [160, 600], [300, 600], [970, 250], [320, 50]]],
  ['youtube', 'YouTube', [[1280, 720], [2560, 1440]]],
  ['linkedin-x', 'LinkedIn/X', [[1200, 627], [1600, 900]]],
  ['pinterest', 'Pinterest', [[1000, 1500]]],
];

/**
 * The built-in presets as version-1 profiles with default options. Every size is `auto`, so the free local engine
 * does the sizes a crop can serve and fal is paid only where recomposition is needed.
 */
export const BUILTIN_PROFILES: readonly Profile[] = PRESETS.map(([slug, name, sizes]) =>
  ProfileSchema.parse({
    id: `${BUILTIN_ID_PREFIX}${slug}`,
    name,
    version: 1,
    sizes: sizes.map(([width, height]) => ({ width, height, policy: 'auto' })),
    createdAt: BUILTIN_DATE,
    updatedAt: BUILTIN_DATE,
  }),
);

/** True for the ids of built-in (read-only) profiles. */
export function isBuiltinProfileId(id: string): boolean {
  return id.startsWith(BUILTIN_ID_PREFIX);
}
