import type { ApiEvent, Notice } from '../../shared/schemas/events';
import type { Engine } from '../runtime/engine';
import { toJobChange } from './jobDto';
import { queueState } from './queueState';
import { toApiFolder } from './folderHandlers';

/**
 * Turns the engine's events into the contract's `job.changed`, `queue.changed`, `folder.changed` and `notice` events.
 * Queue updates (counts, N of M) are coalesced: a burst of job changes sends one queue event per interval.
 * Returns a function that detaches the bridge.
 */
export function bridgeEngineEvents(engine: Engine, emit: (event: ApiEvent) => void, queueIntervalMs = 250): () => void {
  let queueTimer: NodeJS.Timeout | undefined;
  const queueSoon = () => {
    queueTimer ??= setTimeout(() => {
      queueTimer = undefined;
      emit({ type: 'queue.changed', queue: queueState(engine) });
    }, queueIntervalMs);
  };
  const jobChanged = (jobId: string | null, progress?: number) => {
    const job = jobId ? engine.store.jobs.getJob(jobId) : undefined;
    if (!job) return;
    const change = toJobChange(job);
    emit({ type: 'job.changed', job: progress === undefined ? change : { ...change, progress } });
  };
  const onStored = (event: { kind: string; jobId: string | null }) => {
    jobChanged(event.jobId);
    if (event.kind === 'job_state' || event.kind === 'job_created' || event.kind === 'job_skipped' || event.kind === 'job_refused') {
      queueSoon();
      // A folder's waiting/done/failed counts move with its jobs, not only with its watch status.
      const folderId = event.jobId ? engine.store.jobs.getJob(event.jobId)?.folderId : null;
      if (folderId) folderSoon(folderId);
    }
  };
  const onProgress = (progress: { jobId: string; fraction: number }) => jobChanged(progress.jobId, progress.fraction);
  const onQueue = () => queueSoon();
  const emitFolder = (folderId: string) => {
    const folder = engine.settings.get().folders.find((candidate) => candidate.id === folderId);
    if (!folder) return;
    const api = toApiFolder(engine, folder);
    emit({ type: 'folder.changed', folder: { id: api.id, status: api.status, statusReason: api.statusReason, counts: api.counts } });
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
  const onFolder = (status: { folderId: string }) => emitFolder(status.folderId);
  const onNotice = (notice: Notice) => emit({ type: 'notice', notice });
  engine.events.on('stored', onStored);
  engine.events.on('notice', onNotice);
  engine.events.on('progress', onProgress);
  engine.events.on('queue', onQueue);
  engine.events.on('folder', onFolder);
  return () => {
    if (queueTimer) clearTimeout(queueTimer);
    if (folderTimer) clearTimeout(folderTimer);
    engine.events.off('stored', onStored);
    engine.events.off('progress', onProgress);
    engine.events.off('queue', onQueue);
    engine.events.off('folder', onFolder);
    engine.events.off('notice', onNotice);
  };
}
