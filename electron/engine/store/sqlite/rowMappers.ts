import type { OutputLayout } from '../../../domain/outputLayout';
import type { PreflightResult } from '../../../domain/placements';
import { isJobState } from '../../../domain/jobStates';
import type {
  JobOrigin,
  JobOutputRecord,
  JobProvider,
  JobRecord,
  FalSubmitRecord,
  JobRequestRecord,
  RequestState,
  SubmitState,
  SeenFileRecord,
  StoreEvent,
} from '../types';

// Rows as SQLite returns them (snake_case). Mapping field by field also drops libsql's extra `_metadata` field.

/** A `jobs` row. */
export interface JobRow {
  id: string;
  content_hash: string;
  profile_id: string;
  profile_version: number;
  source_path: string;
  source_name: string;
  source_size: number;
  folder_id: string | null;
  origin: string;
  provider: string;
  state: string;
  state_reason: string | null;
  attempts: number;
  next_attempt_at: number | null;
  claimed_at: number | null;
  progress: number;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  finished_at: number | null;
  error_code: string | null;
  error_message: string | null;
  duplicate_of: string | null;
  /** Migration 11 (team): who last claimed the job; absent in rows read before it. */
  made_by?: string | null;
}

/** Maps a `jobs` row; an unknown state means the file was written by a newer app, which must not pass silently. */
export function toJobRecord(row: JobRow): JobRecord {
  if (!isJobState(row.state)) throw new Error(`Job ${row.id} has an unknown state "${row.state}".`);
  return {
    id: row.id,
    contentHash: row.content_hash,
    profileId: row.profile_id,
    profileVersion: row.profile_version,
    sourcePath: row.source_path,
    sourceName: row.source_name,
    sourceSize: row.source_size,
    folderId: row.folder_id,
    origin: row.origin as JobOrigin,
    provider: row.provider as JobProvider,
    state: row.state,
    stateReason: row.state_reason,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    progress: row.progress,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    duplicateOf: row.duplicate_of,
    madeBy: row.made_by ?? null,
  };
}

/** A `job_requests` row. */
export interface RequestRow {
  id: number;
  job_id: string;
  batch_index: number;
  request_id: string;
  sizes: string;
  state: string;
  submitted_at: number;
  completed_at: number | null;
}

/** Maps a `job_requests` row (sizes are stored as a JSON array). */
export function toRequestRecord(row: RequestRow): JobRequestRecord {
  return {
    id: row.id,
    jobId: row.job_id,
    batchIndex: row.batch_index,
    requestId: row.request_id,
    sizes: JSON.parse(row.sizes) as string[],
    state: row.state as RequestState,
    submittedAt: row.submitted_at,
    completedAt: row.completed_at,
  };
}

/** A `job_outputs` row. */
export interface OutputRow {
  job_id: string;
  target: string;
  image_index: number;
  path: string;
  width: number;
  height: number;
  provider: string;
  tier: string | null;
  bytes: number;
  format: string | null;
  preflight: string | null;
  layout: string | null;
  written_at: number;
}

/** Maps a `job_outputs` row. */
export function toOutputRecord(row: OutputRow): JobOutputRecord {
  return {
    jobId: row.job_id,
    target: row.target,
    imageIndex: row.image_index,
    path: row.path,
    width: row.width,
    height: row.height,
    provider: row.provider as 'fal' | 'local',
    tier: row.tier,
    bytes: row.bytes,
    format: row.format,
    preflight: row.preflight ? (JSON.parse(row.preflight) as PreflightResult) : null,
    layout: row.layout ? (JSON.parse(row.layout) as OutputLayout) : null,
    writtenAt: row.written_at,
  };
}

/** A `seen_files` row. */
export interface SeenFileRow {
  path: string;
  size: number;
  mtime_ms: number;
  content_hash: string;
  folder_id: string | null;
  first_seen_at: number;
  last_seen_at: number;
}

/** Maps a `seen_files` row. */
export function toSeenFileRecord(row: SeenFileRow): SeenFileRecord {
  return {
    path: row.path,
    size: row.size,
    mtimeMs: row.mtime_ms,
    contentHash: row.content_hash,
    folderId: row.folder_id,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
  };
}

/** An `events` row. */
export interface EventRow {
  id: number;
  job_id: string | null;
  at: number;
  kind: string;
  data: string;
}

/** Maps an `events` row (data is JSON text). */
export function toStoreEvent(row: EventRow): StoreEvent {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  return { id: row.id, jobId: row.job_id, at: row.at, kind: row.kind, data };
}

/** A `fal_submits` row. */
export interface SubmitRow {
  id: number;
  job_id: string;
  batch_index: number;
  image_url: string;
  sizes: string;
  may_bill_cents: number;
  state: SubmitState;
  request_id: string | null;
  sent_at: number;
}

/** Maps a `fal_submits` row (sizes are stored as a JSON array). */
export function toSubmitRecord(row: SubmitRow): FalSubmitRecord {
  return {
    id: row.id,
    jobId: row.job_id,
    batchIndex: row.batch_index,
    imageUrl: row.image_url,
    sizes: JSON.parse(row.sizes) as string[],
    mayBillCents: row.may_bill_cents,
    state: row.state,
    requestId: row.request_id,
    sentAt: row.sent_at,
  };
}
