import { readFile } from 'node:fs/promises';
import { SmartResizeError } from '../../domain/errors';
import type { FillStyleName, SourceBox } from '../../domain/outputLayout';
import { parseTargetSize } from '../../domain/sizes/targetSize';
import { loadSourceImage } from '../decode';
import { finishImages, profileFinishContext, sourceRights } from '../output/finishImages';
import type { Profile } from '../profiles';
import type { JobOutputRecord, JobRecord, JobStore, OutputVersionRecord } from '../store';
import { boxInDecoded, layoutInSource } from './layoutInSource';
import { placeVersion } from './placeVersion';
import { chooseVariant } from './variantSets';
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
  // A nudge or method switch is always the local engine's making (a fal size re-made locally becomes a local output).
  const made = { bytes: finished!.bytes, format: finished!.format ?? format, preflight: finished!.preflight ?? null, layout, provider: 'local' as const, tier: null };
  return placeVersion(context, output, made, options.cause ?? 'nudge');
}

/**
 * Restores an earlier version of one output: its kept bytes go back to the output path (atomically) as a new version.
 * A version that is one of fal's variants brings its set back with it: that variant is chosen again and `variants/`
 * holds the others of its set (a re-run's newer set leaves it). A making that is no variant (a local
 * one) empties `variants/` (placeVersion).
 */
export async function restoreOutputVersion(context: FixContext, jobId: string, path: string, version: number): Promise<OutputVersionRecord> {
  const { job, output } = await outputOf(context.store, jobId, path);
  const kept = (await context.store.versions.listVersions(jobId)).find((candidate) => candidate.target === output.target && candidate.imageIndex === output.imageIndex && candidate.version === version);
  if (!kept) throw new SmartResizeError('version_not_found', `${output.target} has no version ${version}.`);
  const bytes = await readFile(kept.keptPath);
  const variant = kept.variantSet === null || kept.variant === null ? null : { variantSet: kept.variantSet, variant: kept.variant };
  // Whoever made the kept bytes made the file again: a fal making restored after a local re-run is fal's.
  const made = { bytes, format: kept.format, preflight: kept.preflight, layout: kept.layout, provider: kept.provider, tier: kept.tier, variant };
  const restored = await placeVersion(context, output, made, 'restore');
  // Only now that the file holds it: its set's spares follow.
  if (variant) await chooseVariant(context.store, jobId, output.target, output.path, variant, context.profileOf(job).fal.variants);
  return restored;
}

async function outputOf(store: JobStore, jobId: string, path: string): Promise<{ job: JobRecord; output: JobOutputRecord }> {
  const job = await store.jobs.getJob(jobId);
  if (!job) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
  const output = (await store.outputs.listOutputs(jobId)).find((candidate) => candidate.path === path);
  if (!output) throw new SmartResizeError('path_not_allowed', `${path} is not an output of this job.`);
  return { job, output };
}
