import { STORE_EVENT_KINDS } from '../storeEvents';
import { toJobRecord, type JobRow } from '../sqlite/rowMappers';
import type { JobRecord, NewJob } from '../types';
import type { PgContext } from './pgContext';
import { appendEvent } from './pgEventLog';
import { applyTransition } from './pgJobTransition';
import { pgRow, pgRun } from './pgSql';

/** The log's reason when a job that read a partial copy is given the complete file. */
const PARTIAL_COPY_REASON = 'the file was still being copied when it was read; taken again now that it is complete';

/**
 * SQLite's takeOverPartialCopy (see store/sqlite/partialCopies.ts) on PostgreSQL: new, larger content at the path
 * of a job that only read a partial copy goes to that job. The job row is locked, so two instances finding the
 * complete file at once hand it over once. Runs inside the caller's unit.
 */
export async function takeOverPartialCopy(ctx: PgContext, input: NewJob): Promise<JobRecord | undefined> {
  if (input.refusal) return undefined;
  const row = await pgRow<JobRow>(
    ctx.client,
    `SELECT * FROM jobs
     WHERE source_path = :sourcePath AND profile_id = :profileId AND profile_version = :profileVersion
       AND duplicate_of IS NULL AND content_hash <> :contentHash AND source_size < :sourceSize
       AND ((state = 'failed' AND error_code = 'truncated_image')
            OR (state IN ('queued', 'waiting_network', 'waiting_budget', 'retry_scheduled') AND started_at IS NULL))
       AND NOT EXISTS (SELECT 1 FROM jobs other WHERE other.content_hash = :contentHash
                         AND other.profile_id = :profileId AND other.profile_version = :profileVersion
                         AND other.duplicate_of IS NULL)
       AND NOT EXISTS (SELECT 1 FROM job_requests request WHERE request.job_id = jobs.id)
     ORDER BY created_at DESC
     LIMIT 1
     FOR UPDATE SKIP LOCKED`,
    {
      sourcePath: input.sourcePath,
      profileId: input.profileId,
      profileVersion: input.profileVersion,
      contentHash: input.contentHash,
      sourceSize: input.sourceSize,
    },
  );
  if (!row) return undefined;
  const partial = toJobRecord(row);
  await pgRun(ctx.client, 'UPDATE jobs SET content_hash = :contentHash, source_size = :sourceSize, progress = 0 WHERE id = :id', {
    id: partial.id,
    contentHash: input.contentHash,
    sourceSize: input.sourceSize,
  });
  const moved = { ...partial, contentHash: input.contentHash, sourceSize: input.sourceSize, progress: 0 };
  if (partial.state === 'failed') {
    return applyTransition(ctx, moved, 'queued', { reason: PARTIAL_COPY_REASON, errorCode: null, errorMessage: null }, { unclaimed: true, resetAttempts: true, cause: 'partial_copy' });
  }
  await appendEvent(ctx, STORE_EVENT_KINDS.jobNote, partial.id, { message: `${PARTIAL_COPY_REASON.charAt(0).toUpperCase()}${PARTIAL_COPY_REASON.slice(1)}.`, state: partial.state }, moved);
  return moved;
}
