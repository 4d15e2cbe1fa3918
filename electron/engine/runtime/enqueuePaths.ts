import PQueue from 'p-queue';
import { collectSourceFiles } from '../files/collectSourceFiles';
import { admitFile } from '../intake/admitFile';
import type { JobOptions, JobOrigin, JobProvider, JobRecord, JobStore } from '../store';
import type { Profile } from '../profiles';

/** What became of dropped paths: jobs created or found (same image, same profile version), and refusals. */
export interface EnqueueResult {
  /** `copyOf`: the path is a copy of content already in a job; `job` is then the copy's `skipped` record. */
  readonly jobs: ReadonlyArray<{ readonly path: string; readonly job: JobRecord; readonly created: boolean; readonly copyOf?: JobRecord }>;
  readonly refused: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

type Outcome = { readonly job: EnqueueResult['jobs'][number] } | { readonly refused: EnqueueResult['refused'][number] };

/** Files hashed at once: a drop of many files reads several while the first ones commit. */
const HASH_CONCURRENCY = 4;

/**
 * Queues files and folders dropped on the window (or uploaded to the headless host) through the one intake of
 * every entry point ({@link admitFile}): the same refusals and the same dedupe as hot folders, so dropping the same
 * image twice is never paid for twice. Results keep the order of the paths.
 */
export async function enqueueDroppedPaths(
  store: JobStore,
  paths: readonly string[],
  profile: Profile,
  provider: JobProvider,
  /** Called after each new job: the caller starts it right away instead of after the whole drop is hashed. */
  onCreated?: (job: JobRecord) => void,
  origin: JobOrigin = 'drop',
  /** Review first, or the batch's own output folder: recorded in each new job's own commit, before any run sees it. */
  options?: JobOptions,
): Promise<EnqueueResult> {
  const hashing = new PQueue({ concurrency: HASH_CONCURRENCY });
  const target = { profileId: profile.id, profileVersion: profile.version, provider };
  const sources = await collectSourceFiles(paths, { recursive: true });
  const outcomes = await Promise.all(
    sources.map((source) =>
      hashing.add(async (): Promise<Outcome> => {
        if (source.kind === 'missing') return { refused: { path: source.path, reason: source.reason } };
        try {
          const admission = await admitFile({ path: source.path, origin, folderId: null }, target, (job) => insertWithOptions(store, job, options));
          switch (admission.kind) {
            case 'job_created':
              onCreated?.(admission.job);
              return { job: { path: source.path, job: admission.job, created: true } };
            case 'duplicate':
              return { job: { path: source.path, job: admission.skipped ?? admission.job, created: false, ...(admission.skipped && { copyOf: admission.job }) } };
            case 'refused':
              return { refused: { path: source.path, reason: admission.message } };
            default:
              return { refused: { path: source.path, reason: `${source.path}: no such file or folder.` } };
          }
        } catch (error) {
          return { refused: { path: source.path, reason: `${source.path}: ${(error as Error).message}` } };
        }
      }),
    ),
  );
  return {
    jobs: outcomes.flatMap((outcome) => (outcome && 'job' in outcome ? [outcome.job] : [])),
    refused: outcomes.flatMap((outcome) => (outcome && 'refused' in outcome ? [outcome.refused] : [])),
  };
}

/** Inserts the job and, when it is new and options were given, its options in the same commit. */
function insertWithOptions(store: JobStore, job: Parameters<JobStore['jobs']['insertJobIfNew']>[0], options: JobOptions | undefined) {
  if (!options || (!options.reviewFirst && options.outputRoot === null)) return store.jobs.insertJobIfNew(job);
  return store.transaction(async (tx) => {
    const inserted = await tx.jobs.insertJobIfNew(job);
    if (inserted.created) await tx.reviews.setJobOptions(inserted.job.id, options);
    return inserted;
  });
}
