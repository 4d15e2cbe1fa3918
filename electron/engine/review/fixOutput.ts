import { readFile } from 'node:fs/promises';
import { SmartResizeError } from '../../domain/errors';
import type { FillStyleName, SourceBox } from '../../domain/outputLayout';
import { parseTargetSize } from '../../domain/sizes/targetSize';
import { loadSourceImage } from '../decode';
import { finishImages, profileFinishContext, sourceRights } from '../output/finishImages';
import { writeOutputFile } from '../output/writeOutputFile';
import type { Profile } from '../profiles';
import type { JobOutputRecord, JobRecord, JobStore, OutputVersionRecord } from '../store';
import { keepBytes, keepFile, keptPathFor } from './keptCopies';
import { boxInDecoded, layoutInSource } from './layoutInSource';
import { renderWindow } from './renderWindow';

/** What fixing one output needs: the store, the data folder (kept copies), a job's profile version, the pixel limit. */
export interface FixContext {
  readonly store: JobStore;
  readonly dataDir: string;
  readonly profileOf: (job: JobRecord) => Profile;
  readonly pixelLimit?: number;
}

/** How a re-make differs from a plain nudge: a fal size may be re-made, another fill style, recorded as another cause. */
export interface NudgeOptions {
  readonly allowFal?: boolean;
  /** The fill style of the padded part (default: the profile's); the profile's brand colour stays. */
  readonly fill?: FillStyleName;
  readonly cause?: 'nudge' | 'method';
}

/**
 * Nudges one output: the local engine renders its size again from the window the person dragged (in upright
 * source pixels), free and at once; the result is encoded like the run's (same format, so the same path) and
 * preflighted, kept as the size's next version, and written over the output file atomically. The first fix keeps
 * the run's file as version 1, so it can be restored. Every other output is left as it is.
 */
export async function nudgeOutput(context: FixContext, jobId: string, path: string, window: SourceBox, options: NudgeOptions = {}): Promise<OutputVersionRecord> {
  const { job, output } = await outputOf(context.store, jobId, path);
  if (!output.layout && !options.allowFal) throw new SmartResizeError('output_not_fixable', `${output.target} was recomposed by fal: it has no frame to move. Re-run it locally instead.`);
  const profile = context.profileOf(job);
  const source = await loadSourceImage(job.sourcePath, { limitInputPixels: context.pixelLimit });
  const target = parseTargetSize(output.target);
  const upright = { width: source.probe.width, height: source.probe.height };
  const fill = { ...profile.output.fill, style: options.fill ?? profile.output.fill.style };
  const { pixels, plan } = await renderWindow(source.raw, target, boxInDecoded(window, source.raw, upright), fill);
  const format = output.format === 'png' || output.format === 'jpeg' || output.format === 'webp' ? output.format : profile.output.format;
  const finishing = profileFinishContext({ ...profile, output: { ...profile.output, format } }, { rights: await sourceRights(job.sourcePath), source: upright, aiComposited: false });
  const [finished] = (await finishImages([{ target, width: target.width, height: target.height, raw: pixels }], finishing)).images;
  const layout = layoutInSource(plan, source.raw, upright, fill.style);
  await keepRunVersion(context, output);
  return place(context, output, { bytes: finished!.bytes, format: finished!.format ?? format, preflight: finished!.preflight ?? null, layout }, options.cause ?? 'nudge');
}

/** Restores an earlier version of one output: its kept bytes go back to the output path (atomically) as a new version. */
export async function restoreOutputVersion(context: FixContext, jobId: string, path: string, version: number): Promise<OutputVersionRecord> {
  const { output } = await outputOf(context.store, jobId, path);
  const kept = (await context.store.versions.listVersions(jobId)).find((candidate) => candidate.target === output.target && candidate.imageIndex === output.imageIndex && candidate.version === version);
  if (!kept) throw new SmartResizeError('version_not_found', `${output.target} has no version ${version}.`);
  const bytes = await readFile(kept.keptPath);
  return place(context, output, { bytes, format: kept.format, preflight: kept.preflight, layout: kept.layout }, 'restore');
}

async function outputOf(store: JobStore, jobId: string, path: string): Promise<{ job: JobRecord; output: JobOutputRecord }> {
  const job = await store.jobs.getJob(jobId);
  if (!job) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
  const output = (await store.outputs.listOutputs(jobId)).find((candidate) => candidate.path === path);
  if (!output) throw new SmartResizeError('path_not_allowed', `${path} is not an output of this job.`);
  return { job, output };
}

/** Before the first fix of an output, its file as the run wrote it becomes version 1. */
async function keepRunVersion(context: FixContext, output: JobOutputRecord): Promise<void> {
  const versions = (await context.store.versions.listVersions(output.jobId)).filter((version) => version.target === output.target && version.imageIndex === output.imageIndex);
  if (versions.length > 0) return;
  const keptPath = keptPathFor(context.dataDir, { ...output, version: 1, outputPath: output.path });
  await keepFile(keptPath, output.path).catch((error: unknown) => {
    throw new SmartResizeError('file_not_found', `${output.path} cannot be read to keep it before fixing it (${(error as Error).message}).`);
  });
  await context.store.transaction(async (tx) => {
    const record = await tx.versions.addVersion({ ...output, cause: 'run', keptPath });
    await tx.versions.setCurrent(output.jobId, output.target, output.imageIndex, record.version);
  });
}

/** Keeps the bytes as the next version, writes them over the output file, and records both in one commit. */
async function place(
  context: FixContext,
  output: JobOutputRecord,
  made: { bytes: Buffer; format: string | null; preflight: OutputVersionRecord['preflight']; layout: OutputVersionRecord['layout'] },
  cause: 'nudge' | 'method' | 'restore',
): Promise<OutputVersionRecord> {
  const next = Math.max(0, ...(await context.store.versions.listVersions(output.jobId)).filter((version) => version.target === output.target && version.imageIndex === output.imageIndex).map((version) => version.version)) + 1;
  const keptPath = keptPathFor(context.dataDir, { ...output, version: next, outputPath: output.path });
  await keepBytes(keptPath, made.bytes);
  await writeOutputFile(output.path, made.bytes, 'overwrite');
  return context.store.transaction(async (tx) => {
    const facts = { width: output.width, height: output.height, bytes: made.bytes.length, format: made.format, preflight: made.preflight, layout: made.layout };
    const record = await tx.versions.addVersion({ jobId: output.jobId, target: output.target, imageIndex: output.imageIndex, cause, keptPath, ...facts });
    // A nudge or method switch is always the local engine's making (a fal size re-run locally becomes a local output).
    await tx.outputs.addOutput({ ...output, ...facts, ...(cause !== 'restore' ? { provider: 'local' as const, tier: null } : {}) });
    await tx.versions.setCurrent(output.jobId, output.target, output.imageIndex, record.version);
    return record;
  });
}
