import { readFile } from 'node:fs/promises';
import { resolveOutputPath, writeOutputFile, type ResolvedOutputPath } from '../output';
import type { CollisionPolicy, OutputFormat } from '../../domain/outputFormats';
import type { TargetSize } from '../../domain/sizes/targetSize';

/** Where and how a job's outputs are written; shared by the local and the fal providers. */
export interface OutputPlacement {
  readonly sourcePath: string;
  /** The watched or named folder the source belongs to: gives {folder} and the mirrored {dir}. */
  readonly watchedFolder?: string;
  /** Folder the naming template resolves under; default: beside the watched folder. */
  readonly outputRoot?: string;
  readonly format: OutputFormat;
  readonly template?: string;
  readonly collision: CollisionPolicy;
  readonly profileName?: string;
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
}

/**
 * Resolves each image's path from the naming template and writes it atomically under the collision policy.
 * Images are written one after another so the suffix policy numbers them in a stable order.
 *
 * With `adoptIdentical`, a file already at the path with exactly these bytes is taken as this output: a job that
 * resumes after a crash between writing a file and recording it must not write "x-1.png" beside its own "x.png".
 */
export async function writeRenderedOutputs(
  placement: OutputPlacement,
  images: readonly RenderedImage[],
  options: { adoptIdentical?: boolean } = {},
): Promise<WrittenImage[]> {
  const written: WrittenImage[] = [];
  for (const image of images) {
    const imageIndex = image.imageIndex ?? 1;
    const { path, root } = outputPathFor(placement, image);
    const adopted = options.adoptIdentical && (await hasSameBytes(path, image.bytes));
    const result = adopted ? { path, status: 'written' as const } : await writeOutputFile(path, image.bytes, placement.collision, { root });
    written.push({
      target: image.target,
      path: result.path,
      width: image.width,
      height: image.height,
      bytes: image.bytes.length,
      imageIndex,
      status: result.status,
    });
  }
  return written;
}

/** Where the naming template puts one image of a job (and the root it must stay inside). */
export function outputPathFor(placement: OutputPlacement, image: Pick<RenderedImage, 'target' | 'imageIndex' | 'imageCount'>): ResolvedOutputPath {
  return resolveOutputPath({
    sourcePath: placement.sourcePath,
    size: image.target,
    format: placement.format,
    template: placement.template,
    watchedFolder: placement.watchedFolder,
    outputRoot: placement.outputRoot,
    profileName: placement.profileName,
    imageIndex: image.imageIndex ?? 1,
    imageCount: image.imageCount ?? 1,
  });
}

async function hasSameBytes(path: string, bytes: Buffer): Promise<boolean> {
  try {
    return (await readFile(path)).equals(bytes);
  } catch {
    return false;
  }
}
