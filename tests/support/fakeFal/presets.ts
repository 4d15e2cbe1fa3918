/**
 * Nano Banana Pro presets (Google's published 1K table; 2K doubles each side, 4K quadruples). The fake reports
 * for each target the preset smart-resize would render before its center crop. fal does not publish its exact
 * rule; the fake's: the preset aspect nearest the target's aspect, at the smallest tier at or above the
 * `resolution` hint that covers the target; failing that, the smallest covering preset of any aspect.
 */
export type FalTier = '1K' | '2K' | '4K';

/** One rendered preset. */
export interface CoveringPreset {
  readonly aspectRatio: string;
  readonly tier: FalTier;
  readonly width: number;
  readonly height: number;
}

const ONE_K: readonly (readonly [string, number, number])[] = [
  ['1:1', 1024, 1024], ['2:3', 848, 1264], ['3:2', 1264, 848], ['3:4', 896, 1200], ['4:3', 1200, 896],
  ['4:5', 928, 1152], ['5:4', 1152, 928], ['9:16', 768, 1376], ['16:9', 1376, 768], ['21:9', 1584, 672],
];
const TIERS: readonly (readonly [FalTier, number])[] = [['1K', 1], ['2K', 2], ['4K', 4]];

const ALL: readonly CoveringPreset[] = TIERS.flatMap(([tier, factor]) =>
  ONE_K.map(([aspectRatio, w, h]) => ({ aspectRatio, tier, width: w * factor, height: h * factor })),
);

const tierRank = (tier: FalTier): number => TIERS.findIndex(([name]) => name === tier);
const covers = (p: CoveringPreset, width: number, height: number): boolean => p.width >= width && p.height >= height;

/** The preset covering `width x height` at or above `minTier`, or undefined when even 4K cannot cover it. */
export function coveringPreset(width: number, height: number, minTier: FalTier): CoveringPreset | undefined {
  const eligible = ALL.filter((p) => tierRank(p.tier) >= tierRank(minTier) && covers(p, width, height));
  if (eligible.length === 0) return undefined;
  const target = Math.log(width / height);
  const distance = (p: CoveringPreset): number => Math.abs(Math.log(p.width / p.height) - target);
  const nearest = Math.min(...ALL.map(distance));
  const sameAspect = eligible.filter((p) => distance(p) === nearest);
  const pool = sameAspect.length > 0 ? sameAspect : eligible;
  return pool.reduce((best, p) => (p.width * p.height < best.width * best.height ? p : best));
}
