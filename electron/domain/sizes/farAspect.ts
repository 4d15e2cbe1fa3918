import { NANO_BANANA_PRESETS, FAL_RESOLUTIONS, presetCovers, type FalResolution, type NanoBananaPreset } from './nanoBananaPresets';
import type { TargetSize } from './targetSize';

/**
 * When a target counts as far from every Nano Banana Pro preset: wider than `widerThan` or taller than
 * `tallerThan` (width / height). fal would centre-crop its covering preset to such a target, keeping only a thin
 * band of what it generated (about 29% of the height at 728x90) wherever the subject was.
 */
export interface FarAspectLimits {
  readonly widerThan: number;
  readonly tallerThan: number;
}

/** The widest and the tallest presets' aspects (21:9 and 9:16): beyond them every preset is cropped hard. */
export const DEFAULT_FAR_ASPECT: FarAspectLimits = { widerThan: 21 / 9, tallerThan: 9 / 16 };

/** Whether the target's aspect lies beyond the limits (a thousandth of slack: 2560x1097 is 21:9 too). */
export function isFarAspect(size: TargetSize, limits: FarAspectLimits = DEFAULT_FAR_ASPECT): boolean {
  const ratio = size.width / size.height;
  return ratio > limits.widerThan * 1.001 || ratio < limits.tallerThan / 1.001;
}

/**
 * The preset canvas to ask fal for instead of a far target, so the exact target can be cut from it here around the
 * subject: the preset nearest the target in aspect, at the smallest tier at or above the hint that covers it; else
 * the smallest covering preset of any aspect. Undefined when no 4K preset covers the target (fal cannot make it).
 */
export function falCanvasFor(size: TargetSize, resolution: FalResolution): NanoBananaPreset | undefined {
  const minRank = FAL_RESOLUTIONS.indexOf(resolution);
  const eligible = NANO_BANANA_PRESETS.filter((preset) => FAL_RESOLUTIONS.indexOf(preset.resolution) >= minRank && presetCovers(preset, size));
  if (eligible.length === 0) return undefined;
  const target = Math.log(size.width / size.height);
  const distance = (preset: NanoBananaPreset): number => Math.abs(Math.log(preset.width / preset.height) - target);
  const nearest = Math.min(...eligible.map(distance));
  const pool = eligible.filter((preset) => distance(preset) === nearest);
  return pool.reduce((best, preset) => (preset.width * preset.height < best.width * best.height ? preset : best));
}
