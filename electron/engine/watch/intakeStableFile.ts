import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { sourceNameRefusal } from '../../domain/sourceImages';
import type { JobRecord, JobStore } from '../store';
import type { BatchedIntakeWriter } from './batchedIntakeWriter';
import { hashFile } from '../intake/hashFile';
import { isGoneError, sameSnapshot, type FileSnapshot } from '../intake/fileSnapshot';
import type { WatchOrigin, WatchProfile } from './watchTypes';

/** A file the stability tracker let through, with the folder it belongs to. */
export interface StableFile {
  readonly path: string;
  readonly snapshot: FileSnapshot;
  readonly folderId: string;
  readonly origin: WatchOrigin;
}

/** What intake did with a stable file. */
export type IntakeOutcome =
  /** seen_files already has this path with this size and mtime: handled before, nothing read. */
  | { readonly kind: 'already_seen' }
  /** Deleted before it could be hashed. */
  | { readonly kind: 'gone' }
  /** Written again while it was hashed: it must settle again from this snapshot. */
  | { readonly kind: 'changed'; readonly snapshot: FileSnapshot }
  | { readonly kind: 'job_created'; readonly job: JobRecord }
  /** Not an image the app takes (a .jp2, a README): recorded as a failed job with the reason, never queued. */
  | { readonly kind: 'refused'; readonly job: JobRecord; readonly message: string }
  /** Same content as `job` (the first of it); a copy under another path also has its `skipped` record. */
  | { readonly kind: 'duplicate'; readonly job: JobRecord; readonly contentHash: string; readonly skipped?: JobRecord };

/**
 * Turns a stable file into at most one job: skip it when seen_files says it is unchanged, else hash it and insert
 * the job unless one exists for (hash, profile id, profile version), so a renamed, copied or touched file is no
 * new work while new content is. A file that is not an image the app takes is recorded as failed with the reason
 * (a trace in History and `jobs`), not dropped. Rejects with the fs error when the file cannot be read.
 */
export async function intakeStableFile(
  file: StableFile,
  profile: WatchProfile,
  store: Pick<JobStore, 'seenFiles'>,
  writer: BatchedIntakeWriter,
  hash: (path: string) => Promise<string> = hashFile,
): Promise<IntakeOutcome> {
  const seen = await store.seenFiles.getSeenFile(file.path);
  if (seen && sameSnapshot(seen, file.snapshot)) return { kind: 'already_seen' };

  let contentHash: string;
  let after: FileSnapshot;
  try {
    contentHash = await hash(file.path);
    const stats = await stat(file.path);
    after = { size: stats.size, mtimeMs: stats.mtimeMs };
  } catch (error) {
    if (isGoneError(error)) return { kind: 'gone' };
    throw error;
  }
  // The hash is only the file's if nothing wrote to it while it was read.
  if (!sameSnapshot(after, file.snapshot)) return { kind: 'changed', snapshot: after };

  const refusal = sourceNameRefusal(basename(file.path));
  const { job, created, copyOf } = await writer.write(
    {
    contentHash,
    profileId: profile.id,
    profileVersion: profile.version,
    sourcePath: file.path,
    sourceName: basename(file.path),
    sourceSize: file.snapshot.size,
    folderId: file.folderId,
    origin: file.origin,
    provider: profile.provider ?? 'fal',
    ...(refusal !== null && { refusal: { code: 'unsupported_format', message: `${basename(file.path)}: ${refusal}` } }),
    },
    { path: file.path, ...file.snapshot, contentHash, folderId: file.folderId },
  );
  if (created && refusal !== null) return { kind: 'refused', job, message: job.errorMessage ?? refusal };
  if (created) return { kind: 'job_created', job };
  return copyOf ? { kind: 'duplicate', job: copyOf, contentHash, skipped: job } : { kind: 'duplicate', job, contentHash };
}
