import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { formatTargetSize } from '../../domain/sizes/targetSize';
import { outputNameFor } from '../output/caseCollisions';
import { keptVariantPath, sparePathFor, type VariantPolicy } from '../output/falVariants';
import { outputPathFor, type OutputPlacement } from '../output/writeRenderedOutputs';
import { writeOutputFile } from '../output/writeOutputFile';
import type { JobStore } from '../store';
import type { RunImage } from './jobOutputs';

/** Which set a request's variants are, and whether A is chosen as they are kept (a job's run) or later (a re-run). */
export interface VariantSetPlan {
  /** The fal request's batch index: unique per size of a job, and the same when a crashed request is resumed. */
  readonly variantSet: number;
  /**
   * True for a job's run: A is chosen and the others' spares written here. False for a re-run of a size: the set is
   * only kept here, and chosen (its spares written) once it is the size's (review/variantSets chooseVariant).
   */
  readonly chooseFirst: boolean;
}

/**
 * Keeps every fal variant of each size (all were paid for) before the deliverables are written, so a crash between
 * never loses one: the app's copy in the data folder, and on a job's run for each one not chosen (all but A) a copy
 * in `variants/` beside the output when the profile keeps them there; each recorded in the store as its set. A
 * spare is named from the name the output is given (the one recorded for it: `banner (2).jpg` beside another
 * source's `Banner.jpg` gives `banner (2)_B.jpg`), never from the template's, or two sources' spares would share one.
 */
export async function keepVariants(
  store: JobStore,
  dataDir: string,
  jobId: string,
  placement: OutputPlacement,
  variants: readonly RunImage[],
  policy: VariantPolicy,
  set: VariantSetPlan,
): Promise<void> {
  for (const image of variants) {
    const variant = (image.imageIndex ?? 1) - 1;
    const target = formatTargetSize(image.target);
    // The deliverable's path: the template's, as if this size had one image (where the chosen variant lands).
    const deliverable = outputPathFor(placement, { ...image, imageIndex: 1, imageCount: 1 });
    const keptPath = keptVariantPath(dataDir, { jobId, target, variantSet: set.variantSet, variant, ext: extname(deliverable.path) });
    await writeOutputFile(keptPath, image.bytes, 'overwrite');
    const spared = set.chooseFirst && policy.keep === 'subfolder' && variant > 0;
    // The deliverable is written after its variants are kept: its name is decided (and recorded) here first.
    const outputName = spared ? await outputNameFor(store.names, placement.sourcePath, deliverable.path, deliverable.root) : deliverable.path;
    const sparePath = spared ? await writeSpare(sparePathFor(outputName, variant), image.bytes, placement, deliverable.root, true) : null;
    await store.variants.recordVariant({
      jobId,
      target,
      variantSet: set.variantSet,
      variant,
      keptPath,
      sparePath,
      width: image.width,
      height: image.height,
      bytes: image.bytes.length,
      format: image.format ?? (placement.format === 'auto' ? 'png' : placement.format),
      tier: image.tier ?? null,
      preflight: image.preflight ?? null,
      chosen: set.chooseFirst && variant === 0,
    });
  }
}

/**
 * Writes a spare under the profile's collision policy (a resumed run adopts its own identical file); answers where
 * it landed, or null when the policy skipped it (the app's copy still holds it). `rootMustExist`: a job's run, whose
 * output root (the share) is never made again (see WriteOptions.rootMustExist).
 */
export async function writeSpare(path: string, bytes: Buffer, placement: Pick<OutputPlacement, 'collision'>, root: string, rootMustExist = false): Promise<string | null> {
  const existing = await readFile(path).catch(() => undefined);
  if (existing?.equals(bytes)) return path;
  const written = await writeOutputFile(path, bytes, placement.collision, { root, rootMustExist });
  return written.status === 'skipped' ? null : written.path;
}
