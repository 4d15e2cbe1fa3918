import { SmartResizeError } from '../../domain/errors';
import { formatTargetSize, parseTargetSize } from '../../domain/sizes/targetSize';
import { saveMarksOfSource } from '../composition/marks';
import type { UserMarks } from '../composition/userMarks';
import { decodeWithSubjects, renderLocalSizes } from '../local';
import { finishImages, localPixels, profileFinishContext, sourceRights } from '../output/finishImages';
import { newMakingPath } from '../output/newMakingPath';
import { safeInsetsFor } from '../preflight';
import { STORE_EVENT_KINDS, type JobOutputRecord, type JobRecord } from '../store';
import { layoutInSource } from '../review/layoutInSource';
import { placeVersion } from '../review/placeVersion';
import { quoteFalRerun } from '../review/falRerunQuote';
import { hashFile } from '../intake/hashFile';
import { decodeScale, placementOfJob } from './jobRunner';
import type { JobRunnerDeps } from './jobRunnerTypes';

/** What the engine needs to remake a job's local sizes. */
export type RemakeDeps = Pick<JobRunnerDeps, 'store' | 'profileVersion' | 'folderPlacement' | 'decode' | 'detector' | 'cpu'> & {
  /** The data folder: each remade size's earlier making is kept there as a version. */
  readonly dataDir: string;
};

/** What setting marks did. */
export interface RemakeResult {
  readonly updatedAt: number;
  /** Sizes made again locally ("1080x1080"), free. */
  readonly remade: string[];
  /** The sizes fal made and the price range of a re-run of them; undefined when fal made none. */
  readonly falRerun?: { readonly sizes: string[]; readonly minCents: number; readonly maxCents: number; readonly reason: string | null };
  readonly notes: string[];
}

/**
 * Stores the user's focal point and keep boxes for a job's source (per content hash and in its XMP sidecar), then
 * makes the job's locally made sizes again with them at once (free: each file is replaced atomically at its path as
 * a new version, cause `marks`, its record and preflight updated) and prices a re-run of the sizes fal made, which is the user's choice.
 * Refused when the source file is gone or its content changed since the job ran.
 */
export async function remakeWithMarks(deps: RemakeDeps, jobId: string, marks: UserMarks): Promise<RemakeResult> {
  const { store } = deps;
  const job = await store.jobs.getJob(jobId);
  if (!job) throw new SmartResizeError('job_not_found', `There is no job ${jobId}.`);
  const hash = await hashFile(job.sourcePath).catch(() => undefined);
  if (hash !== job.contentHash) {
    throw new SmartResizeError('source_changed', `The source ${job.sourcePath} is gone or changed since this job ran: its marks cannot be set here.`);
  }
  const saved = await saveMarksOfSource(store.marks, job.contentHash, job.sourcePath, marks);
  const profile = deps.profileVersion(job.profileId, job.profileVersion);
  const outputs = await store.outputs.listOutputs(job.id);
  const localOutputs = outputs.filter((output) => output.provider === 'local');
  const targets = [...new Set(localOutputs.map((output) => output.target))].map(parseTargetSize);
  const falSizes = [...new Set(outputs.filter((output) => output.provider === 'fal').map((output) => output.target))];
  const falRerun = falSizes.length > 0 ? priceOf(falSizes, profile) : undefined;
  if (targets.length === 0) return { updatedAt: saved.updatedAt, remade: [], falRerun, notes: saved.notes };

  const run = () => remakeLocal(deps, job, profile, marks, targets, localOutputs);
  const remade = deps.cpu ? await deps.cpu.run(run, new AbortController().signal) : await run();
  await store.events.append(STORE_EVENT_KINDS.jobNote, job.id, {
    message: `Focal point and keep boxes set: ${remade.join(', ')} made again locally (free)${falRerun ? `; ${falSizes.join(', ')} from fal kept as they are` : ''}`,
    state: job.state,
  });
  return { updatedAt: saved.updatedAt, remade, falRerun, notes: saved.notes };
}

async function remakeLocal(
  deps: RemakeDeps,
  job: JobRecord,
  profile: ReturnType<RemakeDeps['profileVersion']>,
  marks: UserMarks,
  targets: ReturnType<typeof parseTargetSize>[],
  recorded: readonly JobOutputRecord[],
): Promise<string[]> {
  // Usually a cache hit (the job's run detected this content); after a restart, detected beside the decode.
  const load = { ...deps.decode, minScale: (probe: { width: number; height: number }) => decodeScale(probe, targets, false) };
  const { source, detection } = await decodeWithSubjects(job.sourcePath, load, { detector: deps.detector, contentHash: job.contentHash, marks });
  const context = profileFinishContext(profile, { rights: await sourceRights(job.sourcePath), source: source.probe, aiComposited: false });
  const insetsFor = (target: (typeof targets)[number]) => safeInsetsFor(context.placementOf(target), target);
  const pixels = await renderLocalSizes(source.raw, targets, { ...profile.output, format: 'raw', subjects: detection.subjects, insetsFor });
  const finished = await finishImages(pixels.map((image) => localPixels(image, source.raw.channels, detection.subjects)), context);
  const placement = await placementOfJob(deps, job, profile);
  const remade: string[] = [];
  for (const [index, image] of finished.images.entries()) {
    const size = formatTargetSize(image.target);
    const before = recorded.find((output) => output.target === size);
    if (!before) continue;
    // The same file is replaced; only a changed encoding (an `auto` format deciding otherwise) takes a new name,
    // given as every output's is (never one another source's output folds to).
    const at = await newMakingPath(deps.store.names, placement, before, image);
    // Its layout in upright source pixels too: the job view draws the new frame. Each remade size is a new version
    // (cause `marks`), so the making before the marks can be restored.
    const layout = layoutInSource(pixels[index]!.plan, source.raw, source.probe, profile.output.fill.style);
    const made = { bytes: image.bytes, format: image.format ?? null, preflight: image.preflight ?? null, layout, provider: 'local' as const, tier: null, path: at.path, root: at.root };
    await placeVersion(deps, { ...before, width: image.width, height: image.height }, made, 'marks');
    remade.push(size);
  }
  return remade;
}

/** The price of re-running these sizes at fal after the marks: one request per size (see review/rerunAtFal), summed. */
function priceOf(sizes: string[], profile: ReturnType<RemakeDeps['profileVersion']>): RemakeResult['falRerun'] {
  const quotes = sizes.map((size) => quoteFalRerun(profile, parseTargetSize(size)));
  // Each size's reason once (they are mostly the same: "fal may bill the 4K tier ...").
  const reasons = [...new Set(quotes.flatMap((quote) => (quote.reason ? [quote.reason] : [])))];
  return {
    sizes,
    minCents: quotes.reduce((sum, quote) => sum + quote.minCents, 0),
    maxCents: quotes.reduce((sum, quote) => sum + quote.maxCents, 0),
    reason: reasons.length > 0 ? reasons.join('; ') : null,
  };
}
