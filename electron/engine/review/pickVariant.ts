import { readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SmartResizeError } from '../../domain/errors';
import { variantLetter } from '../../domain/variantLetters';
import { writeSpare } from '../jobs/keepVariants';
import { sparePathFor } from '../output/falVariants';
import type { OutputVersionRecord } from '../store';
import type { FixContext } from './fixOutput';
import { placeVersion } from './placeVersion';

/**
 * Chooses another of fal's variants for one size: its bytes (the app's copy) are written at the output path
 * atomically as a new version (cause `pick`, restorable). When the profile keeps variants in `variants/`, the one
 * the file held goes there and the chosen one leaves it, so that folder holds exactly the variants not chosen. The
 * ledger is not touched: every variant was paid for at the run.
 */
export async function pickVariant(context: FixContext, jobId: string, target: string, variant: number): Promise<OutputVersionRecord> {
  const job = await context.store.jobs.getJob(jobId);
  if (!job) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
  const output = (await context.store.outputs.listOutputs(jobId)).find((candidate) => candidate.target === target && candidate.imageIndex === 0);
  if (!output) throw new SmartResizeError('invalid_size', `Job ${jobId} has no ${target} output.`);
  const variants = (await context.store.variants.listVariants(jobId)).filter((candidate) => candidate.target === target);
  const picked = variants.find((candidate) => candidate.variant === variant);
  if (!picked) {
    const letters = variants.map((candidate) => variantLetter(candidate.variant)).join(', ');
    throw new SmartResizeError('variant_not_found', `${target} has no variant ${variantLetter(variant)}${letters ? ` (it has ${letters})` : ' (fal made one image of it)'}.`);
  }
  const bytes = await readFile(picked.keptPath).catch((error: unknown) => {
    throw new SmartResizeError('file_not_found', `The app's copy of ${target} variant ${variantLetter(variant)} cannot be read (${(error as Error).message}).`);
  });
  const made = { bytes, format: picked.format, preflight: picked.preflight, layout: null, provider: 'fal' as const, tier: picked.tier };
  const version = await placeVersion(context, output, made, 'pick');

  // Only now that the file holds the pick: the spares follow (each write is atomic; nothing is removed before).
  const spares = new Map<number, string | null>();
  const before = variants.find((candidate) => candidate.chosen);
  if (context.profileOf(job).fal.variants.keep === 'subfolder' && before && before.variant !== variant) {
    const previous = await readFile(before.keptPath);
    spares.set(before.variant, await writeSpare(before.sparePath ?? sparePathFor(output.path, before.variant), previous, { collision: 'overwrite' }, dirname(output.path)));
  }
  if (picked.sparePath) {
    // The spare leaves variants/ only if it is still this variant's bytes (never delete a file someone replaced).
    const spare = await readFile(picked.sparePath).catch(() => undefined);
    if (spare?.equals(bytes)) await rm(picked.sparePath, { force: true });
    spares.set(variant, null);
  }
  await context.store.variants.choose(jobId, target, variant, spares);
  return version;
}
