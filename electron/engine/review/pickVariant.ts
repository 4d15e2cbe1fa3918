import { readFile } from 'node:fs/promises';
import { SmartResizeError } from '../../domain/errors';
import { variantLetter } from '../../domain/variantLetters';
import type { OutputVersionRecord } from '../store';
import type { FixContext } from './fixOutput';
import { placeVersion } from './placeVersion';
import { chooseVariant, currentSetOf } from './variantSets';

/**
 * Chooses another of fal's variants for one size (of the set its file is of now): its bytes (the app's copy) are
 * written at the output path atomically as a new version (cause `pick`, restorable). When the profile keeps
 * variants in `variants/`, the one the file held goes there and the chosen one leaves it, so that folder holds
 * exactly the variants not chosen. The ledger is not touched: every variant was paid for at the run.
 */
export async function pickVariant(context: FixContext, jobId: string, target: string, variant: number): Promise<OutputVersionRecord> {
  const job = await context.store.jobs.getJob(jobId);
  if (!job) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
  const output = (await context.store.outputs.listOutputs(jobId)).find((candidate) => candidate.target === target && candidate.imageIndex === 0);
  if (!output) throw new SmartResizeError('invalid_size', `Job ${jobId} has no ${target} output.`);
  const variants = currentSetOf(await context.store.variants.listVariants(jobId), target);
  const picked = variants.find((candidate) => candidate.variant === variant);
  if (!picked) {
    const letters = variants.map((candidate) => variantLetter(candidate.variant)).join(', ');
    throw new SmartResizeError('variant_not_found', `${target} has no variant ${variantLetter(variant)}${letters ? ` (it has ${letters})` : ' (fal made one image of it)'}.`);
  }
  const bytes = await readFile(picked.keptPath).catch((error: unknown) => {
    throw new SmartResizeError('file_not_found', `The app's copy of ${target} variant ${variantLetter(variant)} cannot be read (${(error as Error).message}).`);
  });
  const chosen = { variantSet: picked.variantSet, variant };
  const made = { bytes, format: picked.format, preflight: picked.preflight, layout: null, provider: 'fal' as const, tier: picked.tier, variant: chosen };
  const version = await placeVersion(context, output, made, 'pick');
  // Only now that the file holds the pick: the spares follow (each write is atomic; nothing is removed before).
  await chooseVariant(context.store, jobId, target, output.path, chosen, context.profileOf(job).fal.variants);
  return version;
}
