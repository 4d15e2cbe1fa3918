import { describe, expect, it } from 'vitest';
import type { JobStore } from '../../../electron/engine/store/jobStore';
import { newJob, useFreshStore, type FakeClock } from './storeFixture';

let clock: FakeClock;
let store: JobStore;
useFreshStore((opened) => ({ clock, store } = opened));

const eventKinds = async (jobId: string) => (await store.history.getJobDetail(jobId))!.events.map((e) => e.kind);

describe('insertJobIfNew', () => {
  it('creates a queued job with a creation event', async () => {
    const input = newJob({ folderId: null, origin: 'drop' });
    const { job, created } = await store.jobs.insertJobIfNew(input);
    expect(created).toBe(true);
    expect(job).toMatchObject({ ...input, state: 'queued', attempts: 0, progress: 0, createdAt: clock.now() });
    expect(job.startedAt).toBeNull();
    expect(await store.jobs.getJob(job.id)).toEqual(job);
    expect(await eventKinds(job.id)).toEqual(['job_created']);
  });

  it('makes no new work for the same content hash and profile version (renamed or copied file): the copy is a skipped record', async () => {
    const first = await store.jobs.insertJobIfNew(newJob({ contentHash: 'same', sourceName: 'a.jpg' }));
    await store.jobs.transition(first.job.id, 'preparing');
    const again = await store.jobs.insertJobIfNew(newJob({ contentHash: 'same', sourceName: 'copy of a.jpg' }));
    expect(again.created).toBe(false);
    expect(again.copyOf?.id).toBe(first.job.id);
    expect(again.copyOf?.sourceName).toBe('a.jpg');
    expect(again.copyOf?.state).toBe('preparing');
    expect(again.job).toMatchObject({ state: 'skipped', sourceName: 'copy of a.jpg', duplicateOf: first.job.id });
    expect((await eventKinds(first.job.id)).filter((k) => k === 'job_created')).toHaveLength(1);
    expect(await eventKinds(again.job.id)).toEqual(['job_skipped']);
  });

  it('makes new work for a new profile version, another profile or new content', async () => {
    const base = (await store.jobs.insertJobIfNew(newJob({ contentHash: 'h' }))).job;
    const ids = [
      await store.jobs.insertJobIfNew(newJob({ contentHash: 'h', profileVersion: 2 })),
      await store.jobs.insertJobIfNew(newJob({ contentHash: 'h', profileId: 'other' })),
      await store.jobs.insertJobIfNew(newJob({ contentHash: 'h2' })),
    ].map((r) => (expect(r.created).toBe(true), r.job.id));
    expect(new Set([base.id, ...ids]).size).toBe(4);
  });
});

describe('knownContent', () => {
  it('names the hashes that already have a job with that profile version, whatever its state, and no others', async () => {
    const made = (await store.jobs.insertJobIfNew(newJob({ contentHash: 'made' }))).job;
    await store.jobs.cancel(made.id);
    await store.jobs.insertJobIfNew(newJob({ contentHash: 'later', profileVersion: 2 }));
    const { profileId, profileVersion } = made;
    expect(await store.jobs.knownContent(['made', 'later', 'new'], profileId, profileVersion)).toEqual(new Set(['made']));
    expect(await store.jobs.knownContent(['made', 'later'], profileId, 2)).toEqual(new Set(['later']));
    expect(await store.jobs.knownContent(['made'], 'other', profileVersion)).toEqual(new Set());
    expect(await store.jobs.knownContent([], profileId, profileVersion)).toEqual(new Set());
  });
});

describe('transition', () => {
  it('moves along the state machine, stamping started and finished times and writing one event per move', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob({ provider: 'local' }));
    clock.advance(1000);
    const preparing = await store.jobs.transition(job.id, 'preparing');
    expect(preparing.startedAt).toBe(clock.now());
    clock.advance(1000);
    await store.jobs.transition(job.id, 'writing', { progress: 0.5 });
    clock.advance(1000);
    const done = await store.jobs.transition(job.id, 'done');
    expect(done).toMatchObject({ state: 'done', progress: 1, finishedAt: clock.now(), startedAt: preparing.startedAt });
    const states = (await store.history.getJobDetail(job.id))!.events.filter((e) => e.kind === 'job_state');
    expect(states.map((e) => [e.data['from'], e.data['to']])).toEqual([
      ['queued', 'preparing'],
      ['preparing', 'writing'],
      ['writing', 'done'],
    ]);
  });

  it('refuses an illegal move, leaving the job and the log untouched', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await expect(store.jobs.transition(job.id, 'done')).rejects.toThrow(
      expect.objectContaining({ code: 'invalid_job_transition' }),
    );
    expect((await store.jobs.getJob(job.id))!.state).toBe('queued');
    expect(await eventKinds(job.id)).toEqual(['job_created']);
  });

  it('reports an unknown job', async () => {
    await expect(store.jobs.transition('nope', 'preparing')).rejects.toThrow(expect.objectContaining({ code: 'job_not_found' }));
    await expect(store.jobs.setProgress('nope', 0.5)).rejects.toThrow(expect.objectContaining({ code: 'job_not_found' }));
  });

  it('counts an attempt for each scheduled retry, which needs a time', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await store.jobs.transition(job.id, 'preparing');
    await expect(store.jobs.transition(job.id, 'retry_scheduled')).rejects.toThrow(/needs a time/);
    const retry = await store.jobs.transition(job.id, 'retry_scheduled', {
      nextAttemptAt: clock.now() + 5000,
      reason: 'HTTP 503',
      errorCode: 'http_503',
    });
    expect(retry).toMatchObject({ attempts: 1, nextAttemptAt: clock.now() + 5000, stateReason: 'HTTP 503' });
    const back = await store.jobs.transition(retry.id, 'preparing');
    expect(back).toMatchObject({ attempts: 1, nextAttemptAt: null, stateReason: null, errorCode: 'http_503' });
    await store.jobs.transition(job.id, 'retry_scheduled', { nextAttemptAt: clock.now() });
    expect((await store.jobs.getJob(job.id))!.attempts).toBe(2);
  });

  it('does not count an attempt for a scheduled retry that is a wait, not a failure (a hot folder gone)', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await store.jobs.transition(job.id, 'preparing');
    const waiting = await store.jobs.transition(job.id, 'retry_scheduled', { nextAttemptAt: clock.now() + 5000, reason: 'share lost', countsAttempt: false });
    expect(waiting).toMatchObject({ state: 'retry_scheduled', attempts: 0, nextAttemptAt: clock.now() + 5000 });
  });

  it('does not count an attempt for waiting on the network', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await store.jobs.transition(job.id, 'preparing');
    expect((await store.jobs.transition(job.id, 'waiting_network')).attempts).toBe(0);
  });

  it('clamps progress', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await store.jobs.setProgress(job.id, 1.7);
    expect((await store.jobs.getJob(job.id))!.progress).toBe(1);
    await store.jobs.setProgress(job.id, -1);
    expect((await store.jobs.getJob(job.id))!.progress).toBe(0);
  });
});

describe('retry', () => {
  it('puts a failed job back in line with attempts reset and the error cleared', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await store.jobs.transition(job.id, 'preparing');
    await store.jobs.transition(job.id, 'retry_scheduled', { nextAttemptAt: clock.now() });
    await store.jobs.transition(job.id, 'preparing');
    await store.jobs.transition(job.id, 'failed', { errorCode: 'corrupt_image', errorMessage: 'bad file' });
    const retried = await store.jobs.retry(job.id);
    expect(retried).toMatchObject({ state: 'queued', attempts: 0, errorCode: null, errorMessage: null, finishedAt: null });
  });

  it('sends a job whose paid fal result is still fetchable to submitted', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await store.jobs.transition(job.id, 'preparing');
    await store.jobs.transition(job.id, 'uploading');
    await store.requests.recordRequestId(job.id, 0, 'req-1', ['1080x1080']);
    await store.requests.finishRequest('req-1', 'completed');
    await store.jobs.transition(job.id, 'downloading');
    await store.jobs.transition(job.id, 'writing');
    await store.jobs.transition(job.id, 'failed', { errorCode: 'output_not_writable' });
    expect((await store.jobs.retry(job.id)).state).toBe('submitted');
    expect(await store.queue.nextRunnable(clock.now(), 10)).toEqual([
      expect.objectContaining({ job: expect.objectContaining({ id: job.id }), resume: true }),
    ]);
  });

  it('refuses jobs that are not failed or cancelled', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await expect(store.jobs.retry(job.id)).rejects.toThrow(expect.objectContaining({ code: 'invalid_job_transition' }));
  });
});

describe('cancel', () => {
  it('cancels a job and returns the fal requests still running, leaving completed ones completed', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await store.jobs.transition(job.id, 'preparing');
    await store.jobs.transition(job.id, 'uploading');
    await store.requests.recordRequestId(job.id, 0, 'req-a', ['1080x1080']);
    await store.requests.recordRequestId(job.id, 1, 'req-b', ['1080x1920']);
    await store.requests.finishRequest('req-a', 'completed');
    const { job: cancelled, falRequestIdsToCancel } = await store.jobs.cancel(job.id);
    expect(cancelled.state).toBe('cancelled');
    expect(falRequestIdsToCancel).toEqual(['req-b']);
    expect((await store.requests.listRequests(job.id)).map((r) => [r.requestId, r.state])).toEqual([
      ['req-a', 'completed'],
      ['req-b', 'cancelled'],
    ]);
    await expect(store.jobs.transition(job.id, 'downloading')).rejects.toThrow(/cannot go from cancelled/);
  });

  it('refuses a finished job', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await store.jobs.cancel(job.id);
    await expect(store.jobs.cancel(job.id)).rejects.toThrow(expect.objectContaining({ code: 'invalid_job_transition' }));
  });
});
