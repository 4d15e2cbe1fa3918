import type { FillOptions } from '../../engine/composition';
import { SmartResizeError } from '../../domain/errors';
import type { CollisionPolicy, OutputFormat } from '../../domain/outputFormats';
import type { Profile } from '../../engine/profiles';
import { formatTargetSize, type TargetSize } from '../../domain/sizes/targetSize';

/** The encoding, naming and sizes one CLI resize run applies to every file. */
export interface ResizePlan {
  readonly sizes: readonly TargetSize[];
  readonly format: OutputFormat;
  readonly quality?: number;
  readonly template?: string;
  readonly collision: CollisionPolicy;
  readonly profileName?: string;
  readonly limitInputPixels?: number;
  /** The profile's sizes set to fal ("1080x1080"): made locally by this command, and said so. */
  readonly falTargets: ReadonlySet<string>;
  /** The profile's fill, when a profile was named. */
  readonly fill?: FillOptions;
}

/** Merges a profile (if named) with the command's flags; flags win. Refuses a run with no sizes at all. */
export function resolveResizePlan(input: {
  sizes?: readonly TargetSize[];
  profile?: Profile;
  format?: OutputFormat;
  quality?: string;
  pixelLimit?: string;
}): ResizePlan {
  const sizes = input.sizes ?? input.profile?.sizes.map(({ width, height }) => ({ width, height }));
  if (!sizes || sizes.length === 0) {
    throw new SmartResizeError('invalid_size', 'Say which sizes to make: --sizes 1080x1080,1920x1080 or --profile NAME.');
  }
  return {
    sizes,
    format: input.format ?? input.profile?.output.format ?? 'png',
    quality: input.quality !== undefined ? parseWholeNumber('--quality', input.quality, 1, 100) : input.profile?.output.quality,
    template: input.profile?.naming.template,
    collision: input.profile?.naming.collision ?? 'suffix',
    profileName: input.profile?.name,
    fill: input.profile?.output.fill,
    limitInputPixels: input.pixelLimit !== undefined ? parseWholeNumber('--pixel-limit', input.pixelLimit, 1, Number.MAX_SAFE_INTEGER) : undefined,
    // Only sizes taken from the profile asked for anything; --sizes are plain local sizes.
    falTargets: new Set(input.sizes ? [] : (input.profile?.sizes ?? []).filter((size) => size.policy === 'fal').map(formatTargetSize)),
  };
}

function parseWholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SmartResizeError('invalid_size', `${flag} must be a whole number from ${min} to ${max}, not "${text}".`);
  }
  return value;
}
