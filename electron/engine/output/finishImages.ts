import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { ProfileFormat } from '../../domain/outputFormats';
import { findPlacement, type KeepBox, type PlacementSpec } from '../../domain/placements';
import type { TargetSize } from '../../domain/sizes/targetSize';
import type { RawImage } from '../decode/types';
import { finishOutput } from './finishOutput';
import { readRightsMetadata, type RightsMetadata } from './rightsMetadata';
import type { Subject } from '../composition';
import type { LocalOutput } from '../local/renderLocalSizes';
import { keepBoxesInOutput, UPSCALE_NOTE_FACTOR } from '../preflight';
import type { RenderedImage } from './writeRenderedOutputs';

/**
 * An output's pixels before its file is made: raw from the local engine, or fal's encoded download; `boxes` are the
 * faces, text and subjects where they land in the output, when the composition step knows them.
 */
export type PixelImage = Omit<RenderedImage, 'bytes' | 'format' | 'preflight'> & { readonly boxes?: readonly KeepBox[] } & ({ readonly raw: RawImage } | { readonly encoded: Buffer });

/** What every output of one source is encoded to. */
export interface FinishContext {
  readonly format: ProfileFormat;
  readonly quality: number;
  /** The profile's or the run's weight budget for every size, in KB. */
  readonly maxKB?: number;
  readonly copyMetadata: boolean;
  /** The placement each target's size row named (see placementLookup). */
  readonly placementOf: (target: TargetSize) => PlacementSpec | undefined;
  readonly rights: RightsMetadata;
  /** The source's upright size (upscale check). */
  readonly source?: { readonly width: number; readonly height: number };
  readonly aiComposited: boolean;
}

/** Finished images (each keeps the fields it came with, e.g. fal's tier), and what the job log should say about them. */
export interface FinishedImages<T extends PixelImage = PixelImage> {
  readonly images: Array<Omit<T, 'raw' | 'encoded' | 'boxes'> & RenderedImage>;
  readonly notes: string[];
}

/**
 * Encodes each output to its placement's spec (see finishOutput), one after another so a budget search holds one
 * core, not all of them. Notes name outputs enlarged more than 2x (issue 10, item 13) and budgets not met.
 */
export async function finishImages<T extends PixelImage>(pixels: readonly T[], context: FinishContext): Promise<FinishedImages<T>> {
  const images: FinishedImages<T>['images'] = [];
  const notes: string[] = [];
  for (const pixel of pixels) {
    const placement = context.placementOf(pixel.target);
    const done = await finishOutput({
      target: pixel.target,
      image: 'raw' in pixel ? { raw: pixel.raw } : { encoded: pixel.encoded },
      format: context.format,
      quality: context.quality,
      placement,
      maxBytes: context.maxKB !== undefined ? context.maxKB * 1000 : undefined,
      rights: context.rights,
      copyRights: context.copyMetadata,
      aiComposited: context.aiComposited,
      source: context.source,
      boxes: pixel.boxes,
    });
    const { raw: _raw, encoded: _encoded, boxes: _boxes, ...rest } = pixel as T & { raw?: unknown; encoded?: unknown };
    images.push({ ...(rest as Omit<T, 'raw' | 'encoded' | 'boxes'>), bytes: done.bytes, width: done.width, height: done.height, format: done.format, preflight: done.preflight });
    const size = `${pixel.target.width}x${pixel.target.height}`;
    if (done.upscale !== undefined && done.upscale > UPSCALE_NOTE_FACTOR && context.source) {
      notes.push(`${size} was enlarged ${done.upscale.toFixed(1)}x from a ${context.source.width}x${context.source.height} source: it may look soft`);
    }
    const weight = done.preflight.checks.find((check) => check.id === 'weight');
    if (weight?.status === 'fail') notes.push(`${size}: ${weight.message}`);
  }
  return { images, notes: [...new Set(notes)] };
}

/** A local engine output (`raw` format) as pixels to finish, with its subjects placed in it by its plan. */
export function localPixels(output: LocalOutput, channels: 3 | 4, subjects: readonly Subject[]): PixelImage {
  const { target, width, height } = output;
  return { target, width, height, raw: { data: output.bytes, width, height, channels }, boxes: keepBoxesInOutput(subjects, output.plan) };
}

/** The placement named by a profile's size row for each target (rows are unique by pixels). */
export function placementLookup(sizes: ReadonlyArray<{ width: number; height: number; placement?: string }>): (target: TargetSize) => PlacementSpec | undefined {
  return (target) => {
    const row = sizes.find((size) => size.width === target.width && size.height === target.height);
    return row?.placement ? findPlacement(row.placement) : undefined;
  };
}

/** The rights metadata of a source file; {} when it cannot be read (rights are best effort, never a failure). */
export async function sourceRights(path: string): Promise<RightsMetadata> {
  try {
    return readRightsMetadata(await readFile(path));
  } catch {
    return {};
  }
}

/** A source's upright size without decoding it; undefined when the file is gone or unreadable. */
export async function sourceSize(path: string): Promise<{ width: number; height: number } | undefined> {
  try {
    const meta = await sharp(path).metadata();
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.autoOrient?.height ?? meta.height;
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

/** The finishing of a profile's outputs: its format, quality, budget, metadata setting and placements. */
export function profileFinishContext(
  profile: { readonly sizes: ReadonlyArray<{ width: number; height: number; placement?: string }>; readonly output: { format: ProfileFormat; quality: number; maxKB?: number; copyMetadata: boolean } },
  about: { readonly rights: RightsMetadata; readonly source?: { width: number; height: number }; readonly aiComposited: boolean },
): FinishContext {
  return {
    format: profile.output.format,
    quality: profile.output.quality,
    maxKB: profile.output.maxKB,
    copyMetadata: profile.output.copyMetadata,
    placementOf: placementLookup(profile.sizes),
    ...about,
  };
}
