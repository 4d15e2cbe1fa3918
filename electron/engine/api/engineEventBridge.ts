import { isFinished } from '../../domain/jobStates';
import type { ApiEvent, Notice } from '../../shared/schemas/events';
import type { EngineParts } from '../runtime/engineParts';
import type { JobRecord, StoreEvent } from '../store';
import { toApiFolder } from './folderHandlers';
import { toJobChange } from './jobDto';
import { queueState } from './queueState';

/**
 * Turns the engine's events into the contract's `job.changed`, `queue.changed`, `folder.changed` and `notice` events.
 * A job change is sent from the job the store's event carries (and live progress from the last one seen), so a
 * busy queue costs no read per event; only a job first met through its progress is read, once. Queue and folder updates (counts, N of M) are coalesced: a burst of job
 * changes sends one of each per interval. Returns a function that detaches the bridge.
 */
export function bridgeEngineEvents(engine: EngineParts, emit: (event: ApiEvent) => void, queueIntervalMs = 250): () => void {
  let detached = false;
  const send = (event: ApiEvent) => {
    if (!detached) emit(event);
  };
  // The newest row of each unfinished job, as the store's events carried it.
  const known = new Map<string, JobRecord>();
  const remember = (job: JobRecord) => {
    if (isFinished(job.state)) known.delete(job.id);
    else known.set(job.id, job);
  };
  const sendJob = (job: JobRecord, progress?: number) => {
    const change = toJobChange(job);
    send({ type: 'job.changed', job: progress === undefined ? change : { ...change, progress } });
  };
  // Reads under way for jobs met without their row; a newer read, or an event carrying the job, supersedes one.
  const reads = new Map<string, symbol>();
  const readAndSend = (jobId: string, progress?: number) => {
    const token = Symbol(jobId);
    reads.set(jobId, token);
    void engine.store.jobs
      .getJob(jobId)
      .then((job) => {
        // Never send an older state after a newer one that was sent while this row was read.
        if (reads.get(jobId) !== token) return;
        reads.delete(jobId);
        if (!job) return;
        remember(job);
        sendJob(job, progress);
      })
      .catch(() => undefined);
  };

  let queueTimer: NodeJS.Timeout | undefined;
  const queueSoon = () => {
    queueTimer ??= setTimeout(() => {
      queueTimer = undefined;
      void queueState(engine).then((queue) => send({ type: 'queue.changed', queue }), () => undefined);
    }, queueIntervalMs);
  };
  const emitFolder = (folderId: string) => {
    const folder = engine.settings.get().folders.find((candidate) => candidate.id === folderId);
    if (!folder) return;
    void toApiFolder(engine, folder).then(
      (api) => send({ type: 'folder.changed', folder: { id: api.id, status: api.status, statusReason: api.statusReason, counts: api.counts, ...(api.watchMethod && { watchMethod: api.watchMethod }) } }),
      () => undefined,
    );
  };
  const pendingFolders = new Set<string>();
  let folderTimer: NodeJS.Timeout | undefined;
  const folderSoon = (folderId: string) => {
    pendingFolders.add(folderId);
    folderTimer ??= setTimeout(() => {
      folderTimer = undefined;
      for (const id of pendingFolders) emitFolder(id);
      pendingFolders.clear();
    }, queueIntervalMs);
  };

  const onStored = (event: StoreEvent) => {
    if (event.jobId === null) return;
    if (event.job) {
      reads.delete(event.jobId);
      remember(event.job);
    }
    const job = event.job ?? known.get(event.jobId);
    if (job) sendJob(job);
    else readAndSend(event.jobId);
    if (event.kind === 'job_state' || event.kind === 'job_created' || event.kind === 'job_skipped' || event.kind === 'job_refused') {
      queueSoon();
      // A folder's waiting/done/failed counts move with its jobs, not only with its watch status.
      if (job?.folderId) folderSoon(job.folderId);
    }
  };
  const onProgress = (progress: { jobId: string; fraction: number }) => {
    const job = known.get(progress.jobId);
    if (!job) return readAndSend(progress.jobId, progress.fraction);
    // The runner stores the same fraction (forward only) without an event: keep the remembered row level with it.
    if (progress.fraction > job.progress) known.set(job.id, { ...job, progress: progress.fraction });
    sendJob(job, progress.fraction);
  };
  const onQueue = () => queueSoon();
  const onFolder = (status: { folderId: string }) => emitFolder(status.folderId);
  const onNotice = (notice: Notice) => send({ type: 'notice', notice });
  engine.events.on('stored', onStored);
  engine.events.on('notice', onNotice);
  engine.events.on('progress', onProgress);
  engine.events.on('queue', onQueue);
  engine.events.on('folder', onFolder);
  return () => {
    detached = true;
    if (queueTimer) clearTimeout(queueTimer);
    if (folderTimer) clearTimeout(folderTimer);
    engine.events.off('stored', onStored);
    engine.events.off('progress', onProgress);
    engine.events.off('queue', onQueue);
    engine.events.off('folder', onFolder);
    engine.events.off('notice', onNotice);
  };
}
