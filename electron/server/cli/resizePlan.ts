import type { FillOptions } from '../../engine/composition';
import { SmartResizeError } from '../../domain/errors';
import type { CollisionPolicy, ProfileFormat } from '../../domain/outputFormats';
import { findPack, findPlacement } from '../../domain/placements';
import { formatTargetSize, type TargetSize } from '../../domain/sizes/targetSize';
import type { Profile } from '../../engine/profiles';

/** A size of the run, optionally naming the placement it is made for. */
type PlannedSize = TargetSize & { readonly placement?: string };

/** The encoding, naming and sizes one CLI resize run applies to every file. */
export interface ResizePlan {
  readonly sizes: readonly PlannedSize[];
  readonly format: ProfileFormat;
  readonly quality?: number;
  readonly maxKB?: number;
  readonly copyMetadata: boolean;
  readonly template?: string;
  readonly collision: CollisionPolicy;
  readonly profileName?: string;
  readonly limitInputPixels?: number;
  /** The profile's sizes set to fal ("1080x1080"): made locally by this command, and said so. */
  readonly falTargets: ReadonlySet<string>;
  /** The profile's fill, when a profile was named. */
  readonly fill?: FillOptions;
}

/**
 * Merges a profile (if named) with the command's flags; flags win. Sizes come from --sizes, --pack, --placements
 * or the profile (placement rows keep their placement). Runs naming placements default to the `auto` format; bare
 * sizes keep PNG. Refuses a run with no sizes at all, and unknown pack or placement ids.
 */
export function resolveResizePlan(input: {
  sizes?: readonly TargetSize[];
  pack?: string;
  placements?: string;
  profile?: Profile;
  format?: ProfileFormat;
  quality?: string;
  maxKb?: string;
  pixelLimit?: string;
}): ResizePlan {
  const fromPlacements = placementSizes(input.pack, input.placements);
  const sizes: readonly PlannedSize[] | undefined =
    input.sizes ?? fromPlacements ?? input.profile?.sizes.map(({ width, height, placement }) => ({ width, height, ...(placement ? { placement } : {}) }));
  if (!sizes || sizes.length === 0) {
    throw new SmartResizeError('invalid_size', 'Say which sizes to make: --sizes 1080x1080,1920x1080, --pack iab, --placements ID,ID or --profile NAME.');
  }
  return {
    sizes,
    format: input.format ?? (fromPlacements ? 'auto' : (input.profile?.output.format ?? 'png')),
    quality: input.quality !== undefined ? parseWholeNumber('--quality', input.quality, 1, 100) : input.profile?.output.quality,
    maxKB: input.maxKb !== undefined ? parseWholeNumber('--max-kb', input.maxKb, 1, 100_000) : input.profile?.output.maxKB,
    copyMetadata: input.profile?.output.copyMetadata ?? true,
    template: input.profile?.naming.template,
    collision: input.profile?.naming.collision ?? 'suffix',
    profileName: input.profile?.name,
    fill: input.profile?.output.fill,
    limitInputPixels: input.pixelLimit !== undefined ? parseWholeNumber('--pixel-limit', input.pixelLimit, 1, Number.MAX_SAFE_INTEGER) : undefined,
    // Only sizes taken from the profile asked for anything; --sizes are plain local sizes.
    falTargets: new Set(input.sizes || fromPlacements ? [] : (input.profile?.sizes ?? []).filter((size) => size.policy === 'fal').map(formatTargetSize)),
  };
}

/** The sizes of --pack and --placements, deduplicated by pixels (the first placement of a size wins); undefined when neither is given. */
function placementSizes(pack: string | undefined, placements: string | undefined): PlannedSize[] | undefined {
  if (pack === undefined && placements === undefined) return undefined;
  const ids: string[] = [];
  if (pack !== undefined) {
    const found = findPack(pack);
    if (!found) throw new SmartResizeError('invalid_size', `No pack has the id "${pack}"; \`smart-resize specs\` lists them.`);
    ids.push(...found.placements.map((spec) => spec.id));
  }
  for (const id of (placements ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    if (!findPlacement(id)) throw new SmartResizeError('invalid_size', `No placement has the id "${id}"; \`smart-resize specs\` lists them.`);
    ids.push(id);
  }
  const sizes = new Map<string, PlannedSize>();
  for (const spec of ids.map((id) => findPlacement(id)!)) {
    const key = `${spec.width}x${spec.height}`;
    if (!sizes.has(key)) sizes.set(key, { width: spec.width, height: spec.height, placement: spec.id });
  }
  return [...sizes.values()];
}

function parseWholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SmartResizeError('invalid_size', `${flag} must be a whole number from ${min} to ${max}, not "${text}".`);
  }
  return value;
}
