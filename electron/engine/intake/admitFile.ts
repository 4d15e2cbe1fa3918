import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { sourceNameRefusal } from '../../domain/sourceImages';
import type { InsertJobResult, JobOrigin, JobProvider, JobRecord, NewJob } from '../store';
import { isGoneError, sameSnapshot, type FileSnapshot } from './fileSnapshot';
import { hashFile } from './hashFile';

/** A file arriving by any entry point: a hot folder (its watcher or scan), a drop, an upload, the CLI. */
export interface ArrivingFile {
  readonly path: string;
  readonly origin: JobOrigin;
  /** The watched folder it belongs to; null for drops, uploads and the CLI. */
  readonly folderId: string | null;
  /** Size and mtime when it was found stable (hot folders): the hash must be of exactly those bytes. */
  readonly snapshot?: FileSnapshot;
}

/** What the job will be made with: the profile version and the one provider decision (jobs/sizeRouting). */
export interface AdmissionTarget {
  readonly profileId: string;
  readonly profileVersion: number;
  readonly provider: JobProvider;
}

/** Records the admitted file's job; hot folders commit it with the seen-file row, in batches. */
export type RecordJob = (job: NewJob, snapshot: FileSnapshot) => Promise<InsertJobResult> | InsertJobResult;

/** What became of an arriving file. */
export type Admission =
  /** Deleted before it could be hashed. */
  | { readonly kind: 'gone' }
  /** Written again while it was hashed (hot folders): it must settle again from this snapshot. */
  | { readonly kind: 'changed'; readonly snapshot: FileSnapshot }
  /** Not an image the app takes. From a hot folder it is recorded as a failed `job` (its only trace); from a drop,
   *  an upload or the CLI the reason goes straight back to the person, with no job. */
  | { readonly kind: 'refused'; readonly message: string; readonly job?: JobRecord }
  | { readonly kind: 'job_created'; readonly job: JobRecord }
  /** Same content as `job` (its first job); a copy under another path also has its `skipped` record. */
  | { readonly kind: 'duplicate'; readonly job: JobRecord; readonly contentHash: string; readonly skipped?: JobRecord };

/** Origins with no person looking at the result of the call: their refusals must be recorded to be seen. */
const UNATTENDED: readonly JobOrigin[] = ['folder', 'reconcile'];

/**
 * The intake's first step, before a byte is read: is this a file the app takes? A refusal (`name: reason`) for a
 * file a person named (a drop, an upload, the CLI), who reads it at once; undefined when the file goes on, and for
 * hot folders, whose refusals are recorded as failed jobs by {@link admitFile} instead. The CLI's `resize`, which
 * makes no job, takes its files through this step only.
 */
export function refusalOnArrival(file: Pick<ArrivingFile, 'path' | 'origin'>): string | undefined {
  const name = basename(file.path);
  const refusal = sourceNameRefusal(name);
  return refusal === null || UNATTENDED.includes(file.origin) ? undefined : `${name}: ${refusal}`;
}

/**
 * The one intake of a file, whatever brought it: refuses what is not an image the app takes, hashes the bytes,
 * and records at most one job per (content hash, profile id, profile version) through `record`, so the same image
 * seen twice, renamed or copied, is never paid for twice and never vanishes (a copy gets a `skipped` record).
 * Whether the bytes decode is found when the job runs, so a damaged image ends as a failed job with its reason.
 * Rejects with the fs error when the file cannot be read.
 */
export async function admitFile(
  file: ArrivingFile,
  target: AdmissionTarget,
  record: RecordJob,
  hash: (path: string) => Promise<string> = hashFile,
): Promise<Admission> {
  const refusedNow = refusalOnArrival(file);
  if (refusedNow !== undefined) return { kind: 'refused', message: refusedNow };
  const name = basename(file.path);
  const refusal = sourceNameRefusal(name);

  let contentHash: string;
  let found: FileSnapshot;
  try {
    contentHash = await hash(file.path);
    const stats = await stat(file.path);
    found = { size: stats.size, mtimeMs: stats.mtimeMs };
  } catch (error) {
    if (isGoneError(error)) return { kind: 'gone' };
    throw error;
  }
  // The hash is only the file's if nothing wrote to it while it was read.
  if (file.snapshot && !sameSnapshot(found, file.snapshot)) return { kind: 'changed', snapshot: found };

  const job: NewJob = {
    contentHash,
    profileId: target.profileId,
    profileVersion: target.profileVersion,
    sourcePath: file.path,
    sourceName: name,
    sourceSize: found.size,
    folderId: file.folderId,
    origin: file.origin,
    provider: target.provider,
    ...(refusal !== null && { refusal: { code: 'unsupported_format', message: `${name}: ${refusal}` } }),
  };
  const { job: recorded, created, copyOf } = await record(job, file.snapshot ?? found);
  if (created && refusal !== null) return { kind: 'refused', message: recorded.errorMessage ?? refusal, job: recorded };
  if (created) return { kind: 'job_created', job: recorded };
  return copyOf ? { kind: 'duplicate', job: copyOf, contentHash, skipped: recorded } : { kind: 'duplicate', job: recorded, contentHash };
}
