import type { Provider } from '../../domain/providers';
import { SmartResizeError } from '../../domain/errors';
import { writeOutputFile } from '../output/writeOutputFile';
import type { JobOutputRecord, JobStore, OutputVersionRecord, StoreTransaction, VersionCause } from '../store';
import { keepBytes, keepFile, keptPathFor } from './keptCopies';
import { clearSpares, currentSetOf, type VariantRef } from './variantSets';

/** Where versions are kept and recorded: the store and the data folder (versions/<job>/...). */
export interface VersionPlace {
  readonly store: JobStore;
  readonly dataDir: string;
}

/** A new making of one output: its bytes and facts, and who made it. */
export interface NewMaking {
  readonly bytes: Buffer;
  readonly format: string | null;
  readonly preflight: OutputVersionRecord['preflight'];
  readonly layout: OutputVersionRecord['layout'];
  readonly provider: Provider;
  /** fal's reported tier; null for the local engine's making. */
  readonly tier: string | null;
  /** Where the new making goes when not over the output's file (a changed encoding takes the template's new name). */
  readonly path?: string;
  /** The folder that path must stay inside (the job's output root). */
  readonly root?: string;
  /** Which of fal's variants these bytes are (its set and letter); absent for a local making. */
  readonly variant?: VariantRef | null;
}

/**
 * Keeps the file as the run wrote it as a version before anything replaces it, so every later making can be undone:
 * version 1 of an output never fixed (cause `run`, or `preview` for a review-first job's local preview that the
 * approved fal output is about to replace), made by whoever the output record says made it, the chosen variant of
 * its set when it has variants. And an approved fal output that replaced a kept preview is kept as the next version
 * (cause `run`) the first time it is looked at after it landed. Otherwise it does nothing (called again, too).
 */
export async function keepRunVersion(place: VersionPlace, output: JobOutputRecord, cause: 'run' | 'preview' = 'run', onlyAfterPreview = false): Promise<void> {
  const versions = (await place.store.versions.listVersions(output.jobId)).filter((version) => version.target === output.target && version.imageIndex === output.imageIndex);
  const current = (await place.store.versions.currentVersions(output.jobId)).get(`${output.target}#${output.imageIndex}`);
  const replacedPreview = versions.find((version) => version.version === current)?.cause === 'preview' && output.provider === 'fal';
  if (versions.length === 0 ? onlyAfterPreview : !replacedPreview) return;
  const version = Math.max(0, ...versions.map((kept) => kept.version)) + 1;
  const keptPath = keptPathFor(place.dataDir, { ...output, version, outputPath: output.path });
  await keepFile(keptPath, output.path).catch((error: unknown) => {
    throw new SmartResizeError('file_not_found', `${output.path} cannot be read to keep it before fixing it (${(error as Error).message}).`);
  });
  // A fal size with variants: the run's file is the chosen one of its set (restoring it brings that set's spares back).
  const chosen = output.provider === 'fal' && output.imageIndex === 0 ? currentSetOf(await place.store.variants.listVariants(output.jobId), output.target).find((row) => row.chosen) : undefined;
  await place.store.transaction(async (tx) => {
    const record = await tx.versions.addVersion({ ...output, cause: replacedPreview ? 'run' : cause, keptPath, variantSet: chosen?.variantSet ?? null, variant: chosen?.variant ?? null });
    await tx.versions.setCurrent(output.jobId, output.target, output.imageIndex, record.version);
  });
}

/**
 * A review-first job's approved fal outputs are about to replace its local previews: each preview is kept first as
 * version 1 (cause `preview`, restorable), so approving never loses the free making the person looked at.
 */
export async function keepPreviews(place: VersionPlace, jobId: string, replacing: readonly { target: string; imageIndex: number }[]): Promise<void> {
  const outputs = await place.store.outputs.listOutputs(jobId);
  for (const ref of replacing) {
    const preview = outputs.find((output) => output.target === ref.target && output.imageIndex === ref.imageIndex && output.provider === 'local');
    if (preview) await keepRunVersion(place, preview, 'preview');
  }
}

/** After the approved fal outputs landed: each that replaced a kept preview is kept as the version after it (`run`). */
export async function keepApprovedAfterPreviews(place: VersionPlace, jobId: string, replaced: readonly { target: string; imageIndex: number }[]): Promise<void> {
  const outputs = await place.store.outputs.listOutputs(jobId);
  for (const ref of replaced) {
    const output = outputs.find((candidate) => candidate.target === ref.target && candidate.imageIndex === ref.imageIndex && candidate.provider === 'fal');
    if (output) await keepRunVersion(place, output, 'run', true);
  }
}

/**
 * Keeps the bytes as the output's next version, writes them over the output file atomically, and records both in
 * one commit: the version (with its cause and maker), the output's new facts (its provider and tier are the
 * version's: a restored fal making is fal's again), which version the file holds, and `alsoRecord`'s writes (a fal
 * request becoming completed). The first making of an output is kept as version 1 before it is replaced. A making
 * that is none of fal's variants then empties the size's `variants/` (clearSpares); a variant's caller chooses it
 * (chooseVariant), which writes the others of its set there.
 */
export async function placeVersion(
  place: VersionPlace,
  output: JobOutputRecord,
  made: NewMaking,
  cause: VersionCause,
  alsoRecord?: (tx: StoreTransaction) => Promise<unknown>,
): Promise<OutputVersionRecord> {
  await keepRunVersion(place, output);
  const next = Math.max(0, ...(await place.store.versions.listVersions(output.jobId)).filter((version) => version.target === output.target && version.imageIndex === output.imageIndex).map((version) => version.version)) + 1;
  const keptPath = keptPathFor(place.dataDir, { ...output, version: next, outputPath: output.path });
  await keepBytes(keptPath, made.bytes);
  const { path } = await writeOutputFile(made.path ?? output.path, made.bytes, 'overwrite', { root: made.root });
  const placed = await place.store.transaction(async (tx) => {
    const facts = { width: output.width, height: output.height, bytes: made.bytes.length, format: made.format, preflight: made.preflight, layout: made.layout, provider: made.provider, tier: made.tier };
    const which = { variantSet: made.variant?.variantSet ?? null, variant: made.variant?.variant ?? null };
    const record = await tx.versions.addVersion({ jobId: output.jobId, target: output.target, imageIndex: output.imageIndex, cause, keptPath, ...facts, ...which });
    await tx.outputs.addOutput({ ...output, ...facts, path });
    await tx.versions.setCurrent(output.jobId, output.target, output.imageIndex, record.version);
    await alsoRecord?.(tx);
    return record;
  });
  // A making that is none of fal's variants (a local one, a single fal image): no spare is "another variant" of it.
  if (!made.variant && output.imageIndex === 0) await clearSpares(place.store, output.jobId, output.target);
  return placed;
}
