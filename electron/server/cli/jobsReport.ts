import { JOB_STATE_LABELS } from '../../domain/jobStateWords';
import type { JobOutputRecord, JobRecord, OutputVersionRecord } from '../../engine/store';

/** One job as `smart-resize jobs --json` prints it (one object per line). Times are ISO 8601 strings. */
export interface JobLine {
  readonly id: string;
  readonly source: { path: string; name: string; bytes: number; folderId: string | null; origin: string };
  readonly profile: { id: string; version: number };
  readonly status: string;
  /** Why the job is in its status, in words ("same image as a.jpg", "retry after HTTP 503"). */
  readonly reason: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  /** For a skipped copy (or one made anyway): the first job of the same content. */
  readonly duplicateOf: { id: string; sourceName: string; sourcePath: string; status: string; finishedAt: string | null } | null;
  readonly outputs: ReadonlyArray<{
    path: string;
    target: string;
    width: number;
    height: number;
    provider: string;
    bytes: number;
    format: string | null;
    /** The preflight's verdict (worst check) and the checks that did not pass; null if never checked. */
    preflight: { status: string; issues: string[] } | null;
    /** Every kept making of this output, oldest first (empty until it is fixed); `current` is the one in the file. */
    versions: Array<{ version: number; cause: string; bytes: number; createdAt: string; current: boolean }>;
  }>;
  readonly error: { code: string; message: string } | null;
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** The job, its outputs (with their versions, if any) and the job it duplicates, as one JSON line's object. */
export function jobLine(
  job: JobRecord,
  outputs: readonly JobOutputRecord[],
  first: JobRecord | undefined,
  versions: { readonly list: readonly OutputVersionRecord[]; readonly current: ReadonlyMap<string, number> } = { list: [], current: new Map() },
): JobLine {
  return {
    id: job.id,
    source: { path: job.sourcePath, name: job.sourceName, bytes: job.sourceSize, folderId: job.folderId, origin: job.origin },
    profile: { id: job.profileId, version: job.profileVersion },
    status: job.state,
    reason: job.stateReason,
    createdAt: iso(job.createdAt)!,
    finishedAt: iso(job.finishedAt),
    duplicateOf: first
      ? { id: first.id, sourceName: first.sourceName, sourcePath: first.sourcePath, status: first.state, finishedAt: iso(first.finishedAt) }
      : null,
    outputs: outputs.map((output) => ({
      path: output.path,
      target: output.target,
      width: output.width,
      height: output.height,
      provider: output.provider,
      bytes: output.bytes,
      format: output.format,
      preflight: output.preflight
        ? { status: output.preflight.status, issues: output.preflight.checks.filter((check) => check.status !== 'pass').map((check) => `${check.id}: ${check.message}`) }
        : null,
      versions: versions.list
        .filter((version) => version.target === output.target && version.imageIndex === output.imageIndex)
        .map((version) => ({
          version: version.version,
          cause: version.cause,
          bytes: version.bytes,
          createdAt: iso(version.createdAt)!,
          current: versions.current.get(`${output.target}#${output.imageIndex}`) === version.version,
        })),
    })),
    error: job.errorMessage === null ? null : { code: job.errorCode ?? 'error', message: job.errorMessage },
  };
}

/** The same job as one line for people: when, status, source, then outputs, the error or what it duplicates. */
export function jobText(line: JobLine): string {
  const status = JOB_STATE_LABELS[line.status as keyof typeof JOB_STATE_LABELS] ?? line.status;
  const what = line.duplicateOf && line.status === 'skipped'
    ? `skipped: same image as ${line.duplicateOf.sourceName}, ${line.duplicateOf.status}${line.duplicateOf.finishedAt ? ` ${line.duplicateOf.finishedAt}` : ''} (job ${line.duplicateOf.id})`
    : line.error
      ? `${line.error.message} [${line.error.code}]`
      : `${line.outputs.length} output${line.outputs.length === 1 ? '' : 's'}`;
  return `${line.createdAt}  ${status.padEnd(18)}  ${line.source.path}  ${what}  (job ${line.id})`;
}
