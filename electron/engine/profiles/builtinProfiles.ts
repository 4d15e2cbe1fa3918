import { findPlacement } from '../../domain/placements';
import { ProfileSchema, type Profile } from './profileSchema';

/** Ids of built-in profiles start with this; they are read-only (copy one with createFromPreset to edit it). */
const BUILTIN_ID_PREFIX = 'builtin:';

/** A fixed date so built-ins compare equal across runs and machines. */
const BUILTIN_DATE = '2025-01-01T00:00:00.000Z';
/** When the placement-based versions were made. */
const PLACEMENTS_DATE = '2026-12-01T00:00:00.000Z';

type Preset = readonly [slug: string, name: string];

/** Version 1 of the first presets: bare sizes, PNG. Kept so jobs made with them still find their exact settings. */
const BARE_SIZE_PRESETS: ReadonlyArray<readonly [...Preset, sizes: ReadonlyArray<readonly [number, number]>]> = [
  ['meta-feed-stories', 'Meta feed/stories', [[1080, 1080], [1080, 1350], [1080, 1920], [1200, 628]]],
  ['iab-display', 'IAB display', [[300, 250], [728, 90], [160, 600], [300, 600], [970, 250], [320, 50]]],
  ['youtube', 'YouTube', [[1280, 720], [2560, 1440]]],
  ['linkedin-x', 'LinkedIn/X', [[1200, 627], [1600, 900]]],
  ['pinterest', 'Pinterest', [[1000, 1500]]],
];

/** The presets as placements (issue 12): each size brings its platform's weight, formats and safe zone; format auto. */
const PLACEMENT_PRESETS: ReadonlyArray<readonly [...Preset, placements: readonly string[]]> = [
  ['meta-feed-stories', 'Meta feed/stories', ['meta-feed-square', 'meta-feed-portrait', 'meta-reels', 'meta-feed-landscape']],
  ['iab-display', 'IAB display', ['iab-300x250', 'iab-728x90', 'iab-160x600', 'iab-300x600', 'iab-970x250', 'iab-320x50']],
  ['youtube', 'YouTube', ['youtube-thumbnail', 'youtube-banner']],
  ['linkedin-x', 'LinkedIn/X', ['linkedin-landscape', 'x-widescreen']],
  ['pinterest', 'Pinterest', ['pinterest-standard']],
  ['google-responsive', 'Google responsive display', ['google-responsive-landscape', 'google-responsive-square', 'google-responsive-portrait']],
  ['dooh', 'Digital out-of-home', ['dooh-landscape', 'dooh-portrait']],
];

function bareVersion(slug: string, name: string, sizes: ReadonlyArray<readonly [number, number]>): Profile {
  return ProfileSchema.parse({
    id: `${BUILTIN_ID_PREFIX}${slug}`,
    name,
    version: 1,
    sizes: sizes.map(([width, height]) => ({ width, height, policy: 'auto' })),
    createdAt: BUILTIN_DATE,
    updatedAt: BUILTIN_DATE,
  });
}

function placementVersion(slug: string, name: string, placements: readonly string[], version: number): Profile {
  for (const id of placements) if (!findPlacement(id)) throw new Error(`built-in preset ${slug} names an unknown placement ${id}`);
  return ProfileSchema.parse({
    id: `${BUILTIN_ID_PREFIX}${slug}`,
    name,
    version,
    sizes: placements.map((placement) => ({ placement, policy: 'auto' })),
    output: { format: 'auto', quality: 90 },
    createdAt: version === 1 ? PLACEMENTS_DATE : BUILTIN_DATE,
    updatedAt: PLACEMENTS_DATE,
  });
}

/** Every version of every built-in, oldest first, by id. */
const BUILTIN_VERSIONS: ReadonlyMap<string, readonly Profile[]> = new Map(
  PLACEMENT_PRESETS.map(([slug, name, placements]) => {
    const bare = BARE_SIZE_PRESETS.find(([oldSlug]) => oldSlug === slug);
    const versions = bare ? [bareVersion(...bare), placementVersion(slug, name, placements, 2)] : [placementVersion(slug, name, placements, 1)];
    return [`${BUILTIN_ID_PREFIX}${slug}`, versions] as const;
  }),
);

/**
 * The built-in presets, latest version of each. Every size is `auto`, so the free local engine does the sizes a
 * crop can serve and fal is paid only where recomposition is needed; every size names its placement.
 */
export const BUILTIN_PROFILES: readonly Profile[] = [...BUILTIN_VERSIONS.values()].map((versions) => versions[versions.length - 1] as Profile);

/** Every version of a built-in, oldest first; undefined for other ids. Jobs keep (id, version), so old ones stay. */
export function builtinVersions(id: string): readonly Profile[] | undefined {
  return BUILTIN_VERSIONS.get(id);
}

/** True for the ids of built-in (read-only) profiles. */
export function isBuiltinProfileId(id: string): boolean {
  return id.startsWith(BUILTIN_ID_PREFIX);
}
