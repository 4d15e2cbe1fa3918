import { RUNNING_JOB_STATES as RUNNING } from '../../../electron/domain/jobStates';
import { type ApiEventHub, type JobState } from '../../../electron/shared';
import { finishFakeJob } from './fakeJobFactory';
import { fakeQueueState, folderChanges, jobChange } from './fakeEvents';
import type { FakeState } from './fakeState';

function stateForProgress(progress: number): JobState {
  if (progress < 0.1) return 'preparing';
  if (progress < 0.35) return 'uploading';
  if (progress < 0.7) return 'submitted';
  if (progress < 0.9) return 'downloading';
  return 'writing';
}

/**
 * Moves the fake queue one step: running jobs progress (and finish with outputs), queued jobs start up to the
 * concurrency setting, and the matching events go out. Nothing moves while paused or offline.
 */
export function advanceFakeQueue(state: FakeState, hub: ApiEventHub, step = 0.12): void {
  if (state.paused || !state.online) return;
  let running = state.jobs.filter((job) => RUNNING.includes(job.state)).length;
  let finished = 0;
  // Oldest first, the order a queue serves.
  for (const job of [...state.jobs].reverse()) {
    if (RUNNING.includes(job.state)) {
      job.progress = Math.min(1, job.progress + step);
      if (job.progress >= 1) {
        const profile = state.profiles.find((candidate) => candidate.id === job.profileId);
        if (profile) finishFakeJob(job, profile, Date.now());
        running -= 1;
        finished += 1;
      } else job.state = stateForProgress(job.progress);
      hub.emit(jobChange(job));
    } else if (job.state === 'queued' && running < state.settings.concurrency) {
      Object.assign(job, { state: 'preparing', progress: 0.02, startedAt: Date.now(), attempts: job.attempts + 1, provider: 'fal' });
      running += 1;
      hub.emit(jobChange(job));
    }
  }
  if (state.batch && state.batch.endedAt === null) {
    const pending = state.jobs.some((job) => job.state === 'queued' || RUNNING.includes(job.state));
    // The seeded batch's numbers are made up: at its end, everything in it has finished.
    const total = state.batch.total;
    state.batch = pending ? { ...state.batch, finished: Math.min(total, state.batch.finished + finished) } : { ...state.batch, finished: total, endedAt: Date.now() };
  }
  hub.emit({ type: 'queue.changed', queue: fakeQueueState(state) });
  if (finished > 0) for (const event of folderChanges(state)) hub.emit(event);
}
