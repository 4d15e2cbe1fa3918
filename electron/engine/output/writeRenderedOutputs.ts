import { readFile } from 'node:fs/promises';
import { resolveOutputPath, type ResolvedOutputPath } from './outputPath';
import { writeOutputFile } from './writeOutputFile';
import type { CollisionPolicy, OutputFormat, ProfileFormat } from '../../domain/outputFormats';
import type { PreflightResult } from '../../domain/placements';
import type { TargetSize } from '../../domain/sizes/targetSize';

/** Where and how a job's outputs are written; shared by the local and the fal providers. */
export interface OutputPlacement {
  readonly sourcePath: string;
  /** The watched or named folder the source belongs to: gives {folder} and the mirrored {dir}. */
  readonly watchedFolder?: string;
  /** Folder the naming template resolves under; default: beside the watched folder. */
  readonly outputRoot?: string;
  /** The profile's format; with `auto` each image's own `format` names the file. */
  readonly format: ProfileFormat;
  readonly template?: string;
  readonly collision: CollisionPolicy;
  readonly profileName?: string;
  /** With several fal images per size: `ab` names each its own deliverable with a letter (see outputPath). */
  readonly variantNaming?: 'choose' | 'ab';
}

/** One encoded image ready to be written. */
export interface RenderedImage {
  readonly target: TargetSize;
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  /** 1-based index among the images made for this target (fal's num_images_per_size). */
  readonly imageIndex?: number;
  readonly imageCount?: number;
  /** The encoding of `bytes` (gives the extension); absent: the placement's format. */
  readonly format?: OutputFormat;
  /** The preflight verdict of these bytes, stored with the output. */
  readonly preflight?: PreflightResult;
}

/** An output as it ended on disk. */
export interface WrittenImage {
  readonly target: TargetSize;
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly imageIndex: number;
  readonly status: 'written' | 'skipped';
  readonly format: OutputFormat;
  readonly preflight?: PreflightResult;
}

/**
 * Resolves each image's path from the naming template and writes it atomically under the collision policy.
 * Images are written one after another so the suffix policy numbers them in a stable order.
 *
 * With `adoptIdentical`, a file already at the path with exactly these bytes is taken as this output: a job that
 * resumes after a crash between writing a file and recording it must not write "x-1.png" beside its own "x.png".
 * `onWritten` hears of each file as it lands (the next is written once it settles), so a caller can record it at once.
 */
export async function writeRenderedOutputs(
  placement: OutputPlacement,
  images: readonly RenderedImage[],
  options: {
    adoptIdentical?: boolean;
    onWritten?: (image: WrittenImage, index: number) => void | Promise<void>;
    /** The name the template's path takes (see outputNameFor: no two outputs differ only by case); default: as is. */
    nameFor?: (desiredPath: string, root: string) => Promise<string>;
    /** The output root is never made, only folders below it (see WriteOptions.rootMustExist). */
    rootMustExist?: boolean;
  } = {},
): Promise<WrittenImage[]> {
  const written: WrittenImage[] = [];
  for (const image of images) {
    const imageIndex = image.imageIndex ?? 1;
    const desired = outputPathFor(placement, image);
    const root = desired.root;
    const path = options.nameFor ? await options.nameFor(desired.path, root) : desired.path;
    const adopted = options.adoptIdentical && (await hasSameBytes(path, image.bytes));
    const result = adopted ? { path, status: 'written' as const } : await writeOutputFile(path, image.bytes, placement.collision, { root, rootMustExist: options.rootMustExist === true });
    written.push({
      target: image.target,
      path: result.path,
      width: image.width,
      height: image.height,
      bytes: image.bytes.length,
      imageIndex,
      status: result.status,
      format: formatOf(placement, image),
      ...(image.preflight ? { preflight: image.preflight } : {}),
    });
    await options.onWritten?.(written.at(-1)!, written.length - 1);
  }
  return written;
}

/** Where the naming template puts one image of a job (and the root it must stay inside). */
export function outputPathFor(placement: OutputPlacement, image: Pick<RenderedImage, 'target' | 'imageIndex' | 'imageCount' | 'format'>): ResolvedOutputPath {
  return resolveOutputPath({
    sourcePath: placement.sourcePath,
    size: image.target,
    format: formatOf(placement, image),
    template: placement.template,
    watchedFolder: placement.watchedFolder,
    outputRoot: placement.outputRoot,
    profileName: placement.profileName,
    imageIndex: image.imageIndex ?? 1,
    imageCount: image.imageCount ?? 1,
    variantNaming: placement.variantNaming,
  });
}

/** The encoding an image's file has: its own, or the profile's when that is a fixed one (PNG for a bare `auto`). */
function formatOf(placement: OutputPlacement, image: Pick<RenderedImage, 'format'>): OutputFormat {
  return image.format ?? (placement.format === 'auto' ? 'png' : placement.format);
}

async function hasSameBytes(path: string, bytes: Buffer): Promise<boolean> {
  try {
    return (await readFile(path)).equals(bytes);
  } catch {
    return false;
  }
}
