import { SmartResizeError } from '../errors';
import { formatTargetSize, type TargetSize } from './targetSize';

/** fal's `resolution` values: a minimum tier hint on input, the tier actually used on output. */
export type FalResolution = '1K' | '2K' | '4K';

/** Tiers from cheapest/smallest to largest; index order is relied on for "tier >= hint" comparisons. */
export const FAL_RESOLUTIONS = ['1K', '2K', '4K'] as const satisfies readonly FalResolution[];

/** True when `value` names a tier (a stored output's tier, fal's answer). */
export function isFalResolution(value: unknown): value is FalResolution {
  return typeof value === 'string' && (FAL_RESOLUTIONS as readonly string[]).includes(value);
}

/** One Nano Banana Pro output canvas: fal generates at one of these, then center-crops to the target. */
export interface NanoBananaPreset {
  readonly aspect: string;
  readonly resolution: FalResolution;
  readonly width: number;
  readonly height: number;
}

/** Google's published 1K sizes per aspect ratio (FAL.md); 2K and 4K scale each side by 2 and 4. */
const ONE_K_SIZES: ReadonlyArray<readonly [aspect: string, width: number, height: number]> = [
  ['1:1', 1024, 1024],
  ['2:3', 848, 1264],
  ['3:2', 1264, 848],
  ['3:4', 896, 1200],
  ['4:3', 1200, 896],
  ['4:5', 928, 1152],
  ['5:4', 1152, 928],
  ['9:16', 768, 1376],
  ['16:9', 1376, 768],
  ['21:9', 1584, 672],
];

const TIER_SCALE: Record<FalResolution, number> = { '1K': 1, '2K': 2, '4K': 4 };

/** Every preset of every tier (30 entries), 1K first. */
export const NANO_BANANA_PRESETS: readonly NanoBananaPreset[] = FAL_RESOLUTIONS.flatMap((resolution) =>
  ONE_K_SIZES.map(([aspect, width, height]) => ({
    aspect,
    resolution,
    width: width * TIER_SCALE[resolution],
    height: height * TIER_SCALE[resolution],
  })),
);

/** The 10 presets of one tier. */
export function presetsForTier(resolution: FalResolution): NanoBananaPreset[] {
  return NANO_BANANA_PRESETS.filter((preset) => preset.resolution === resolution);
}

/** True when the preset is at least as large as the target on both sides, so a center crop can reach it. */
export function presetCovers(preset: NanoBananaPreset, size: TargetSize): boolean {
  return preset.width >= size.width && preset.height >= size.height;
}

/** The widest and the tallest canvases fal can produce (21:9 4K and 9:16 4K). */
export const FAL_MAX_WIDTH = Math.max(...NANO_BANANA_PRESETS.map((preset) => preset.width));
export const FAL_MAX_HEIGHT = Math.max(...NANO_BANANA_PRESETS.map((preset) => preset.height));

/** True when some 4K preset covers the target, i.e. fal can make it. */
export function isFalCoverable(size: TargetSize): boolean {
  return presetsForTier('4K').some((preset) => presetCovers(preset, size));
}

/**
 * Why fal cannot make a target, or undefined when some 4K preset covers it. Names the side that is too big; when
 * each side fits alone but not together it says so and names the closest canvas, since that case surprises most.
 */
export function falCoverageProblem(size: TargetSize): string | undefined {
  if (isFalCoverable(size)) return undefined;
  const label = formatTargetSize(size);
  if (size.width > FAL_MAX_WIDTH) return `${label} is too wide for fal: its widest canvas is ${FAL_MAX_WIDTH} px (21:9 at 4K).`;
  if (size.height > FAL_MAX_HEIGHT) return `${label} is too tall for fal: its tallest canvas is ${FAL_MAX_HEIGHT} px (9:16 at 4K).`;
  const closest = closestAspectPreset(size, '4K');
  const tooBig = [
    size.width > closest.width ? `${size.width} px wide` : '',
    size.height > closest.height ? `${size.height} px tall` : '',
  ].filter(Boolean);
  return (
    `${label} is too large for fal: each side fits some canvas, but no 4K canvas is both ${size.width} px wide and ` +
    `${size.height} px tall; the closest in shape, ${closest.aspect} at 4K (${closest.width}x${closest.height}), ` +
    `is not ${tooBig.join(' or ')}.`
  );
}

/** Refuses, before anything is paid, a target no 4K preset covers: SmartResizeError('size_not_coverable_by_fal'). */
export function assertFalCoverable(size: TargetSize): void {
  const problem = falCoverageProblem(size);
  if (problem) {
    throw new SmartResizeError('size_not_coverable_by_fal', `${problem} Use the local engine for this size, or choose a smaller one.`);
  }
}

/**
 * The preset of a tier whose aspect ratio is nearest the target's, measured as |log(w/h) - log(W/H)| so that
 * 2:1 and 1:2 are equally far from 1:1. Ties keep table order.
 */
export function closestAspectPreset(size: TargetSize, resolution: FalResolution): NanoBananaPreset {
  const targetRatio = Math.log(size.width / size.height);
  let best: NanoBananaPreset | undefined;
  let bestDistance = Infinity;
  for (const preset of presetsForTier(resolution)) {
    const distance = Math.abs(Math.log(preset.width / preset.height) - targetRatio);
    if (distance < bestDistance) {
      best = preset;
      bestDistance = distance;
    }
  }
  if (!best) throw new Error(`No presets for tier ${resolution}`);
  return best;
}
