import { existsSync } from 'node:fs';
import type { Job as ApiJob, JobChange, JobDetail } from '../../shared/schemas/job';
import { isJobState } from '../../domain/jobStates';
import { isFalResolution } from '../../domain/sizes/nanoBananaPresets';
import type { JobOutputRecord, JobRecord, JobStore, StoreEvent } from '../store';
import { jobAttempts } from './jobAttempts';
import { jobLogSentence } from './jobLogText';

/** The first job of a copy's content (see JobRecord.duplicateOf), or undefined for a first job. */
export async function firstJobOf(store: Pick<JobStore, 'jobs'>, job: JobRecord): Promise<JobRecord | undefined> {
  return job.duplicateOf === null ? undefined : store.jobs.getJob(job.duplicateOf);
}

/**
 * A job row with its outputs and what fal charged for it (the spend ledger's sum) as the UI sees it; `first` is
 * the job a copy duplicates ({@link firstJobOf}).
 */
export function toApiJob(job: JobRecord, outputs: readonly JobOutputRecord[], costCents: number | null = null, first?: JobRecord): ApiJob {
  return {
    id: job.id,
    state: job.state,
    sourcePath: job.sourcePath,
    sourceName: job.sourceName,
    profileId: job.profileId,
    profileVersion: job.profileVersion,
    folderId: job.folderId,
    provider: madeBy(job.provider, outputs),
    progress: job.progress,
    attempts: job.attempts,
    error: job.errorMessage ? { code: job.errorCode ?? 'error', message: job.errorMessage } : null,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    updatedAt: job.updatedAt,
    retryAt: job.state === 'retry_scheduled' ? job.nextAttemptAt : null,
    outputs: outputs.map((output) => ({
      path: output.path,
      width: output.width,
      height: output.height,
      target: output.target,
      provider: output.provider,
      tier: isFalResolution(output.tier) ? output.tier : null,
      // Set by withLocalFallbackMarks, which knows the profile version's policies.
      askedForFal: false,
      bytes: output.bytes,
      format: output.format === 'png' || output.format === 'jpeg' || output.format === 'webp' ? output.format : null,
      preflight: output.preflight ? { ...output.preflight, checks: [...output.preflight.checks] } : null,
      layout: output.layout,
    })),
    costCents,
    duplicateOf: first ? { id: first.id, sourceName: first.sourceName, state: first.state, finishedAt: first.finishedAt } : null,
    madeBy: job.madeBy,
  };
}

/** The slice of a job that changes while it runs, for `job.changed` events. */
export function toJobChange(job: JobRecord): JobChange {
  const api = toApiJob(job, []);
  return {
    id: api.id,
    state: api.state,
    progress: api.progress,
    attempts: api.attempts,
    error: api.error,
    startedAt: api.startedAt,
    finishedAt: api.finishedAt,
    updatedAt: api.updatedAt,
    retryAt: api.retryAt,
  };
}

/** Events read for a job's detail: enough for every try of any real job; the newest LOG_LINES of them are shown. */
const DETAIL_EVENTS = 1000;
const LOG_LINES = 100;

/** A job with its fal request ids, its tries, which outputs are still on disk, and its state log, newest last. */
export async function toJobDetail(store: JobStore, jobId: string): Promise<JobDetail | undefined> {
  const detail = await store.history.getJobDetail(jobId, DETAIL_EVENTS);
  if (!detail) return undefined;
  const attempts = jobAttempts(detail.events);
  const { job } = detail;
  return {
    ...toApiJob(job, detail.outputs, await store.ledger.chargeCents(jobId), await firstJobOf(store, job)),
    falRequestIds: detail.requests.map((request) => request.requestId),
    log: detail.events.slice(-LOG_LINES).flatMap((event) => logEntry(event)),
    attemptsMade: attempts.made,
    tookMs: job.finishedAt !== null && attempts.roundStartedAt !== null ? Math.max(0, job.finishedAt - attempts.roundStartedAt) : null,
    missingOutputs: detail.outputs.filter((output) => !existsSync(output.path)).map((output) => output.path),
    source: null,
  };
}

/** The engines that wrote the outputs, once there are any; until then the job's plan. */
function madeBy(planned: JobRecord['provider'], outputs: readonly JobOutputRecord[]): ApiJob['provider'] {
  const engines = new Set(outputs.map((output) => output.provider));
  if (engines.size === 0) return planned;
  return engines.size > 1 ? 'mixed' : outputs[0]!.provider;
}

function logEntry(event: StoreEvent): JobDetail['log'] {
  if (event.kind === 'job_note') {
    const { message, state } = event.data;
    return typeof message === 'string' && isJobState(state) ? [{ at: event.at, state, message }] : [];
  }
  if (event.kind === 'job_refused') {
    const { message } = event.data;
    return typeof message === 'string' ? [{ at: event.at, state: 'failed', message }] : [];
  }
  if (event.kind === 'job_skipped') {
    return [{ at: event.at, state: 'skipped', message: jobLogSentence('skipped', null) }];
  }
  if (event.kind !== 'job_state') return [];
  const to = event.data['to'];
  const reason = event.data['reason'];
  if (!isJobState(to)) return [];
  return [{ at: event.at, state: to, message: jobLogSentence(to, typeof reason === 'string' ? reason : null) }];
}
