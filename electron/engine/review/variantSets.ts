import { readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeSpare } from '../jobs/keepVariants';
import { sparePathFor, type VariantPolicy } from '../output/falVariants';
import type { JobStore, OutputVariantRecord, VariantSpare } from '../store';

/** One variant of one of fal's sets of a size. */
export interface VariantRef {
  readonly variantSet: number;
  readonly variant: number;
}

/**
 * The variants of a size in the set its file is of now: the set of the chosen variant, else (none chosen yet, e.g.
 * a re-run's set recorded but not yet chosen) the newest set. Earlier sets stay kept, reached by restoring a version.
 */
export function currentSetOf(rows: readonly OutputVariantRecord[], target: string): OutputVariantRecord[] {
  const ofSize = rows.filter((row) => row.target === target);
  const set = ofSize.find((row) => row.chosen)?.variantSet ?? Math.max(-1, ...ofSize.map((row) => row.variantSet));
  return ofSize.filter((row) => row.variantSet === set);
}

/**
 * Makes a size's `variants/` folder agree with one variant chosen: every other variant of its set gets its spare
 * beside the output (when the profile keeps them there), and the chosen one's spare and any spare of another set
 * leave it (each only if it still holds that variant's bytes: a file someone replaced is never deleted). Then the
 * choice and the spare paths are recorded. Each write is atomic; the app's own copies are never touched.
 */
export async function chooseVariant(store: JobStore, jobId: string, target: string, outputPath: string, chosen: VariantRef, policy: Pick<VariantPolicy, 'keep'>): Promise<void> {
  const rows = (await store.variants.listVariants(jobId)).filter((row) => row.target === target);
  const spares: VariantSpare[] = [];
  const written = new Set<string>();
  for (const row of rows.filter((candidate) => candidate.variantSet === chosen.variantSet && candidate.variant !== chosen.variant)) {
    if (policy.keep !== 'subfolder') continue;
    const path = sparePathFor(outputPath, row.variant);
    const sparePath = await writeSpare(path, await readFile(row.keptPath), { collision: 'overwrite' }, dirname(outputPath));
    if (sparePath) written.add(sparePath);
    spares.push({ variantSet: row.variantSet, variant: row.variant, sparePath });
  }
  for (const row of rows) {
    const keeps = row.variantSet === chosen.variantSet && row.variant !== chosen.variant;
    if (keeps || !row.sparePath) continue;
    if (!written.has(row.sparePath)) await removeIfStill(row.sparePath, row.keptPath);
    spares.push({ variantSet: row.variantSet, variant: row.variant, sparePath: null });
  }
  await store.variants.choose(jobId, target, chosen, spares);
}

/**
 * Empties a size's `variants/` of its spares once its file holds a making that is none of fal's variants (a nudge, a
 * method switch, a local re-run, a restored local version): `variants/` then matches the chosen version, which has
 * no others. Each spare leaves only while it still holds its variant's bytes (a file someone replaced stays); the
 * app's copies stay, so restoring a fal version brings its set's spares back (chooseVariant). The choice is kept
 * (it names the set a later pick is made from); the file itself says none is in it.
 */
export async function clearSpares(store: JobStore, jobId: string, target: string): Promise<void> {
  const rows = (await store.variants.listVariants(jobId)).filter((row) => row.target === target);
  const spared = rows.filter((row) => row.sparePath !== null);
  if (spared.length === 0) return;
  for (const row of spared) await removeIfStill(row.sparePath!, row.keptPath);
  const chosen = rows.find((row) => row.chosen) ?? spared[0]!;
  await store.variants.choose(jobId, target, chosen, spared.map((row) => ({ variantSet: row.variantSet, variant: row.variant, sparePath: null })));
}

/** Removes a spare only while it still holds the kept variant's bytes. */
async function removeIfStill(sparePath: string, keptPath: string): Promise<void> {
  const [spare, kept] = await Promise.all([readFile(sparePath).catch(() => undefined), readFile(keptPath).catch(() => undefined)]);
  if (spare && kept && spare.equals(kept)) await rm(sparePath, { force: true });
}
