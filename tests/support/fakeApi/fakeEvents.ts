import type { ApiEvent, Job, QueueState } from '../../../electron/shared';
import { JOB_STATES } from '../../../electron/domain/jobStates';
import { countFolderJobs } from './fakeFolderHandlers';
import type { FakeState } from './fakeState';

/** The `job.changed` event of a job that just changed (stamped now, as the engine's store stamps its rows). */
export function jobChange(job: Job): ApiEvent {
  job.updatedAt = Math.max(job.updatedAt, Date.now());
  const { id, state, progress, attempts, error, startedAt, finishedAt, updatedAt, retryAt } = job;
  return { type: 'job.changed', job: { id, state, progress, attempts, error, startedAt, finishedAt, updatedAt, retryAt } };
}

/** The queue state computed from the fake's jobs and flags. */
export function fakeQueueState(state: FakeState): QueueState {
  const counts = Object.fromEntries(JOB_STATES.map((name) => [name, 0])) as QueueState['counts'];
  for (const job of state.jobs) counts[job.state] += 1;
  const runState = state.paused ? 'paused' : state.online ? 'running' : 'offline';
  const reason = state.paused ? state.paused.reason : state.online ? null : 'fal cannot be reached: jobs wait and go out when the network is back.';
  return { state: runState, pauseCause: state.paused?.cause ?? null, reason, online: state.online, counts, batch: state.batch };
}

/** The `folder.changed` events of every folder (counts move as jobs finish). */
export function folderChanges(state: FakeState): ApiEvent[] {
  return state.folders.map((folder) => ({
    type: 'folder.changed' as const,
    folder: { id: folder.id, status: folder.status, statusReason: folder.statusReason, counts: countFolderJobs(state, folder.id) },
  }));
}
