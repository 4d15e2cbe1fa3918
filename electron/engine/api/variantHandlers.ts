import { readFile } from 'node:fs/promises';
import { SmartResizeError } from '../../domain/errors';
import { variantLetter } from '../../domain/variantLetters';
import type { ApiHandlers } from '../../shared/contract/types';
import type { OutputVersion } from '../../shared/schemas/review';
import { pickVariant } from '../review/pickVariant';
import type { FixContext } from '../review/fixOutput';
import { currentSetOf } from '../review/variantSets';
import type { OutputVariantRecord, OutputVersionRecord } from '../store';

type VariantVerbs = Pick<ApiHandlers['review'], 'variants' | 'variantImage' | 'pickVariant'>;

/** review.variants / variantImage / pickVariant: fal's kept variants of a job's sizes, and choosing one. */
export function variantHandlers(fixing: () => FixContext, asVersion: (record: OutputVersionRecord, current: number | undefined) => OutputVersion): VariantVerbs {
  const variantsOf = async (jobId: string) => {
    const { store } = fixing();
    if (!(await store.jobs.getJob(jobId))) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
    // Each size's set its file is of now (a re-run at fal made a newer one; restoring a version brings its set back).
    const rows = await store.variants.listVariants(jobId);
    return [...new Set(rows.map((row) => row.target))].flatMap((target) => currentSetOf(rows, target));
  };
  return {
    variants: async ({ jobId }) => {
      const rows = await variantsOf(jobId);
      const inFile = await variantsInFiles(fixing().store, jobId, rows);
      return { variants: rows.map((row) => ({
        target: row.target,
        variant: row.variant,
        letter: variantLetter(row.variant),
        width: row.width,
        height: row.height,
        bytes: row.bytes,
        format: row.format,
        tier: row.tier,
        chosen: inFile.has(`${row.target}#${row.variant}`),
        sparePath: row.sparePath,
      })) };
    },
    // Only the app's own copies are read: the verb names a variant, never a path.
    variantImage: async ({ jobId, target, variant }) => {
      const row = (await variantsOf(jobId)).find((candidate) => candidate.target === target && candidate.variant === variant);
      if (!row) throw new SmartResizeError('variant_not_found', `${target} has no variant ${variantLetter(variant)}.`);
      const bytes = await readFile(row.keptPath).catch((error: unknown) => {
        throw new SmartResizeError('file_not_found', `The app's copy of ${target} variant ${variantLetter(variant)} cannot be read (${(error as Error).message}).`);
      });
      const mime = row.format === 'jpeg' ? 'image/jpeg' : row.format === 'webp' ? 'image/webp' : 'image/png';
      return { dataUrl: `data:${mime};base64,${bytes.toString('base64')}`, width: row.width, height: row.height, bytes: bytes.length };
    },
    pickVariant: async ({ jobId, target, variant }) => {
      const made = await pickVariant(fixing(), jobId, target, variant);
      return asVersion(made, made.version);
    },
  };
}

/**
 * Which variant each output file holds now, by `target#variant`: the chosen one while the file is still fal's
 * making of its bytes; none once the size was re-made locally (a nudge or method switch); a restored earlier
 * version shows as the variant of its bytes.
 */
async function variantsInFiles(store: FixContext['store'], jobId: string, rows: readonly OutputVariantRecord[]): Promise<Set<string>> {
  const outputs = new Map((await store.outputs.listOutputs(jobId)).filter((output) => output.imageIndex === 0).map((output) => [output.target, output]));
  const held = new Set<string>();
  for (const target of new Set(rows.map((row) => row.target))) {
    const output = outputs.get(target);
    if (!output || output.provider !== 'fal') continue;
    const matching = rows.filter((row) => row.target === target && row.bytes === output.bytes);
    const holding = matching.find((row) => row.chosen) ?? matching[0];
    if (holding) held.add(`${target}#${holding.variant}`);
  }
  return held;
}
