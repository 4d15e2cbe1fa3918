import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { collectSourceFiles } from '../files/collectSourceFiles';
import type { Profile } from '../profiles';
import type { JobProvider, JobRecord, JobStore } from '../store';
import { hashFile } from '../intake/hashFile';

/** What became of dropped paths: jobs created or found (same image, same profile version), and refusals. */
export interface EnqueueResult {
  /** `copyOf`: the path is a copy of content already in a job; `job` is then the copy's `skipped` record. */
  readonly jobs: ReadonlyArray<{ readonly path: string; readonly job: JobRecord; readonly created: boolean; readonly copyOf?: JobRecord }>;
  readonly refused: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

/**
 * Queues files and folders dropped on the window: the same dedupe as hot folders (content hash + profile version),
 * so dropping the same image twice is never paid for twice. Whether the bytes are a usable image is found when
 * the job runs, so a bad file ends as a failed job with its reason in History instead of vanishing here.
 */
export async function enqueueDroppedPaths(
  store: JobStore,
  paths: readonly string[],
  profile: Profile,
  provider: JobProvider,
  /** Called after each new job: the caller starts it right away instead of after the whole drop is hashed. */
  onCreated?: (job: JobRecord) => void,
): Promise<EnqueueResult> {
  const jobs: Array<EnqueueResult['jobs'][number]> = [];
  const refused: Array<EnqueueResult['refused'][number]> = [];
  for (const source of await collectSourceFiles(paths, { recursive: true })) {
    if (source.kind === 'missing') {
      refused.push({ path: source.path, reason: source.reason });
      continue;
    }
    try {
      const [contentHash, info] = await Promise.all([hashFile(source.path), stat(source.path)]);
      const { job, created, copyOf } = await store.jobs.insertJobIfNew({
        contentHash,
        profileId: profile.id,
        profileVersion: profile.version,
        sourcePath: source.path,
        sourceName: basename(source.path),
        sourceSize: info.size,
        folderId: null,
        origin: 'drop',
        provider,
      });
      jobs.push({ path: source.path, job, created, ...(copyOf && { copyOf }) });
      if (created) onCreated?.(job);
    } catch (error) {
      refused.push({ path: source.path, reason: `${source.path}: ${(error as Error).message}` });
    }
  }
  return { jobs, refused };
}
