import { admitFile, type Admission } from '../intake/admitFile';
import { sameSnapshot, type FileSnapshot } from '../intake/fileSnapshot';
import { hashFile } from '../intake/hashFile';
import type { JobOptions, JobStore } from '../store';
import type { BatchedIntakeWriter } from './batchedIntakeWriter';
import type { WatchOrigin, WatchProfile } from './watchTypes';

/** A file the stability tracker let through, with the folder it belongs to. */
export interface StableFile {
  readonly path: string;
  readonly snapshot: FileSnapshot;
  readonly folderId: string;
  readonly origin: WatchOrigin;
  /**
   * Kept while the team database did not answer: admitted even if the team's seen-files row says it is handled
   * (another instance took it in meanwhile), so the team's dedupe records this instance's sighting ("seen by").
   */
  readonly kept?: boolean;
}

/** What intake did with a stable file: nothing (seen before, unchanged), or what {@link admitFile} made of it. */
export type IntakeOutcome =
  /** seen_files already has this path with this size and mtime: handled before, nothing read. */
  | { readonly kind: 'already_seen' }
  | Admission;

/**
 * A hot folder's intake of a stable file: skipped when seen_files says it is unchanged, else the one intake of
 * every entry point ({@link admitFile}), its job committed with the seen-file row in the folder's batches.
 */
export async function intakeStableFile(
  file: StableFile,
  profile: WatchProfile,
  store: Pick<JobStore, 'seenFiles'>,
  writer: BatchedIntakeWriter,
  hash: (path: string) => Promise<string> = hashFile,
  /** The folder's review first, recorded with a new job in its own commit (before any run sees it). */
  options?: JobOptions,
): Promise<IntakeOutcome> {
  const seen = file.kept ? undefined : await store.seenFiles.getSeenFile(file.path);
  if (seen && sameSnapshot(seen, file.snapshot)) return { kind: 'already_seen' };
  return admitFile(
    file,
    { profileId: profile.id, profileVersion: profile.version, provider: profile.provider },
    (job, snapshot) => writer.write(job, { path: file.path, ...snapshot, contentHash: job.contentHash, folderId: file.folderId }, options),
    hash,
  );
}
