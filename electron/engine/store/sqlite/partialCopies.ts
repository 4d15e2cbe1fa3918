import { STORE_EVENT_KINDS } from '../storeEvents';
import { appendEvent } from './eventLog';
import { applyTransition } from './jobTransition';
import { toJobRecord, type JobRow } from './rowMappers';
import { getRow } from './sqlite';
import type { StoreContext } from './storeContext';
import type { JobRecord, NewJob } from '../types';

/** The log's reason when a job that read a partial copy is given the complete file. */
const PARTIAL_COPY_REASON = 'the file was still being copied when it was read; taken again now that it is complete';

/**
 * A slow copy (a network share) can pause longer than the settle time: the half file is taken, and fails as
 * truncated (or is still waiting for its turn) when the rest arrives as new content at the same path. That job was
 * the same file, still growing: it takes the complete content instead of a second job appearing beside a failure.
 * Only a job that never got past reading its source qualifies (failed `truncated_image`, or not started), only
 * when the file grew, and only when no job has the new content yet. Returns the job put back in line, or undefined.
 * Runs inside the caller's transaction.
 */
export function takeOverPartialCopy(ctx: StoreContext, input: NewJob): JobRecord | undefined {
  if (input.refusal) return undefined;
  const row = getRow<JobRow>(
    ctx.db,
    `SELECT * FROM jobs
     WHERE source_path = :sourcePath AND profile_id = :profileId AND profile_version = :profileVersion
       AND duplicate_of IS NULL AND content_hash != :contentHash AND source_size < :sourceSize
       AND ((state = 'failed' AND error_code = 'truncated_image')
            OR (state IN ('queued', 'waiting_network', 'waiting_budget', 'retry_scheduled') AND started_at IS NULL))
       AND NOT EXISTS (SELECT 1 FROM jobs other WHERE other.content_hash = :contentHash
                         AND other.profile_id = :profileId AND other.profile_version = :profileVersion
                         AND other.duplicate_of IS NULL)
       AND NOT EXISTS (SELECT 1 FROM job_requests request WHERE request.job_id = jobs.id)
     ORDER BY created_at DESC
     LIMIT 1`,
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
  getRow(ctx.db, 'UPDATE jobs SET content_hash = :contentHash, source_size = :sourceSize, progress = 0 WHERE id = :id RETURNING id', {
    id: partial.id,
    contentHash: input.contentHash,
    sourceSize: input.sourceSize,
  });
  const moved = { ...partial, contentHash: input.contentHash, sourceSize: input.sourceSize, progress: 0 };
  if (partial.state === 'failed') {
    return applyTransition(ctx, moved, 'queued', { reason: PARTIAL_COPY_REASON, errorCode: null, errorMessage: null }, { unclaimed: true, resetAttempts: true, cause: 'partial_copy' });
  }
  appendEvent(ctx, STORE_EVENT_KINDS.jobNote, partial.id, { message: `${PARTIAL_COPY_REASON.charAt(0).toUpperCase()}${PARTIAL_COPY_REASON.slice(1)}.`, state: partial.state }, moved);
  return moved;
}
