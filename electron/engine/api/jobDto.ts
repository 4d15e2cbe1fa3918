import type { Job as ApiJob, JobChange, JobDetail } from '../../shared/schemas/job';
import { jobChargeCents } from '../spend';
import type { JobOutputRecord, JobRecord, JobStore, StoreEvent } from '../store';

const TIERS = new Set(['1K', '2K', '4K']);

/** A job row with its outputs and what fal charged for it (the spend ledger's sum) as the UI sees it. */
export function toApiJob(job: JobRecord, outputs: readonly JobOutputRecord[], costCents: number | null = null): ApiJob {
  return {
    id: job.id,
    state: job.state,
    sourcePath: job.sourcePath,
    sourceName: job.sourceName,
    profileId: job.profileId,
    profileVersion: job.profileVersion,
    folderId: job.folderId,
    provider: job.provider,
    progress: job.progress,
    attempts: job.attempts,
    error: job.errorMessage ? { code: job.errorCode ?? 'error', message: job.errorMessage } : null,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    retryAt: job.state === 'retry_scheduled' ? job.nextAttemptAt : null,
    outputs: outputs.map((output) => ({
      path: output.path,
      width: output.width,
      height: output.height,
      target: output.target,
      provider: output.provider,
      tier: output.tier && TIERS.has(output.tier) ? (output.tier as '1K' | '2K' | '4K') : null,
      // Set by withLocalFallbackMarks, which knows the profile version's policies.
      askedForFal: false,
    })),
    costCents,
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
    retryAt: api.retryAt,
  };
}

/** A job with its fal request ids and its state log, newest last. */
export function toJobDetail(store: JobStore, jobId: string): JobDetail | undefined {
  const detail = store.history.getJobDetail(jobId, 100);
  if (!detail) return undefined;
  return {
    ...toApiJob(detail.job, detail.outputs, jobChargeCents(store.db, jobId)),
    falRequestIds: detail.requests.map((request) => request.requestId),
    log: [...detail.events].reverse().flatMap((event) => logEntry(event)),
  };
}

function logEntry(event: StoreEvent): JobDetail['log'] {
  if (event.kind === 'job_note') {
    const { message, state } = event.data;
    return typeof message === 'string' && typeof state === 'string' ? [{ at: event.at, state: state as JobDetail['state'], message }] : [];
  }
  if (event.kind !== 'job_state') return [];
  const to = event.data['to'];
  const reason = event.data['reason'];
  if (typeof to !== 'string') return [];
  return [{ at: event.at, state: to as JobDetail['state'], message: typeof reason === 'string' && reason ? reason : to.replace('_', ' ') }];
}
