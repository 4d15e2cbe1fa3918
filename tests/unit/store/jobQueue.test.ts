import { describe, expect, it } from 'vitest';
import { RUNNING_JOB_STATES, type JobState } from '../../../electron/domain/jobStates';
import type { JobStore } from '../../../electron/engine/store/jobStore';
import type { JobRecord, NewJob } from '../../../electron/engine/store/types';
import { newJob, useFreshStore, type FakeClock } from './storeFixture';

let clock: FakeClock;
let store: JobStore;
useFreshStore((opened) => ({ clock, store } = opened));

/** Inserts a job one millisecond after the previous one, so creation order is clear. */
async function insert(overrides: Partial<NewJob> = {}): Promise<JobRecord> {
  clock.advance(1);
  return (await store.jobs.insertJobIfNew(newJob(overrides))).job;
}

/** Walks a fal job to `state` the way a worker would, recording a request id when passing submitted. */
async function jobIn(state: JobState): Promise<JobRecord> {
  const job = await insert();
  for (const step of ['preparing', 'uploading', 'submitted', 'downloading', 'writing'] as const) {
    if (step === 'submitted') await store.requests.recordRequestId(job.id, 0, `req-${job.id}`, ['1x1']);
    else await store.jobs.transition(job.id, step);
    if (step === state) break;
  }
  return (await store.jobs.getJob(job.id))!;
}

const ids = (jobs: { job: JobRecord }[]) => jobs.map((r) => r.job.id);

describe('nextRunnable', () => {
  it('returns queued jobs oldest first, due retries, and waiting_network only when online', async () => {
    const queued = await insert();
    const due = await insert();
    const notDue = await insert();
    const offline = await insert();
    await store.jobs.transition(due.id, 'preparing');
    await store.jobs.transition(due.id, 'retry_scheduled', { nextAttemptAt: clock.now() });
    await store.jobs.transition(notDue.id, 'preparing');
    await store.jobs.transition(notDue.id, 'retry_scheduled', { nextAttemptAt: clock.now() + 60_000 });
    await store.jobs.transition(offline.id, 'waiting_network');

    expect(ids(await store.queue.nextRunnable(clock.now(), 10))).toEqual([queued.id, due.id, offline.id]);
    expect(ids(await store.queue.nextRunnable(clock.now() + 60_000, 10))).toEqual([queued.id, due.id, notDue.id, offline.id]);
    expect(ids(await store.queue.nextRunnable(clock.now(), 2))).toEqual([queued.id, due.id]);
  });

  it('offers only local-engine jobs while offline', async () => {
    await insert({ provider: 'fal' });
    await insert({ provider: 'mixed' });
    const local = await insert({ provider: 'local' });
    expect(ids(await store.queue.nextRunnable(clock.now(), 10, { networkOnline: false }))).toEqual([local.id]);
  });

  it('never offers active, held or finished jobs', async () => {
    const budget = await insert();
    await store.jobs.transition(budget.id, 'waiting_budget');
    await jobIn('preparing');
    await jobIn('submitted');
    await store.jobs.cancel((await insert()).id);
    expect(await store.queue.nextRunnable(clock.now(), 10)).toEqual([]);
  });
});

describe('claimRunnable', () => {
  it('moves fresh work to preparing and never hands the same job out twice', async () => {
    const a = await insert();
    const b = await insert();
    const first = await store.queue.claimRunnable(clock.now(), 1);
    expect(first).toEqual([{ job: expect.objectContaining({ id: a.id, state: 'preparing' }), resume: false }]);
    expect(ids(await store.queue.claimRunnable(clock.now(), 5))).toEqual([b.id]);
    expect(await store.queue.claimRunnable(clock.now(), 5)).toEqual([]);
  });

  it('resumes a job holding a live request at submitted instead of preparing it again', async () => {
    const job = await jobIn('submitted');
    await store.jobs.transition(job.id, 'waiting_network');
    expect(await store.queue.claimRunnable(clock.now(), 5, { networkOnline: false })).toEqual([]);
    const [claimed] = await store.queue.claimRunnable(clock.now(), 5);
    expect(claimed).toEqual({ job: expect.objectContaining({ id: job.id, state: 'submitted' }), resume: true });
    expect(await store.queue.claimRunnable(clock.now(), 5)).toEqual([]);
  });
});

describe('recoverInterruptedJobs', () => {
  it('restarts jobs caught before submitted and resumes later ones by request id', async () => {
    const caught: Record<string, JobRecord> = {};
    for (const state of RUNNING_JOB_STATES) caught[state] = await jobIn(state);
    const localWriting = await insert({ provider: 'local' });
    await store.jobs.transition(localWriting.id, 'preparing');
    await store.jobs.transition(localWriting.id, 'writing');
    const waiting = await insert();
    await store.jobs.transition(waiting.id, 'waiting_budget');

    const actions = await store.queue.recoverInterruptedJobs();
    const byJob = new Map(actions.map((a) => [a.jobId, [a.from, a.to]]));
    expect(byJob.get(caught['preparing']!.id)).toEqual(['preparing', 'queued']);
    expect(byJob.get(caught['uploading']!.id)).toEqual(['uploading', 'queued']);
    expect(byJob.get(caught['submitted']!.id)).toEqual(['submitted', 'submitted']);
    expect(byJob.get(caught['downloading']!.id)).toEqual(['downloading', 'submitted']);
    expect(byJob.get(caught['writing']!.id)).toEqual(['writing', 'submitted']);
    expect(byJob.get(localWriting.id)).toEqual(['writing', 'queued']);
    expect(byJob.has(waiting.id)).toBe(false);

    // Every recovered job is runnable again; those with a request id come back as resumes, never resubmits.
    const claimed = await store.queue.claimRunnable(clock.now(), 20);
    const resumed = claimed.filter((c) => c.resume).map((c) => c.job.id).sort();
    expect(resumed).toEqual([caught['submitted']!.id, caught['downloading']!.id, caught['writing']!.id].sort());
    expect(claimed).toHaveLength(6);
    expect((await store.queue.recoverInterruptedJobs()).map((a) => a.jobId).sort()).toEqual(claimed.map((c) => c.job.id).sort());
  });

  it('does nothing when no job was in flight', async () => {
    await insert();
    expect(await store.queue.recoverInterruptedJobs()).toEqual([]);
  });
});

describe('holdForNetwork and requeue', () => {
  it('moves waiting fal work to waiting_network without counting attempts, and it comes back online', async () => {
    const fal = await insert();
    const local = await insert({ provider: 'local' });
    expect(await store.queue.holdForNetwork()).toEqual([fal.id]);
    expect(await store.jobs.getJob(fal.id)).toMatchObject({ state: 'waiting_network', attempts: 0 });
    expect((await store.jobs.getJob(local.id))!.state).toBe('queued');
    expect(ids(await store.queue.claimRunnable(clock.now(), 5))).toEqual([fal.id, local.id]);
  });

  it('puts a held job back in line, at submitted when it has a live request', async () => {
    const fresh = await insert();
    await store.jobs.transition(fresh.id, 'waiting_budget');
    expect((await store.queue.requeue(fresh.id, 'budget raised')).state).toBe('queued');

    const paid = await jobIn('submitted');
    await store.jobs.transition(paid.id, 'waiting_network');
    expect(await store.queue.requeue(paid.id, 'try now')).toMatchObject({ state: 'submitted', stateReason: 'try now' });
    expect((await store.queue.claimRunnable(clock.now(), 5)).find((c) => c.job.id === paid.id)?.resume).toBe(true);
  });

  it('lets a worker give back a submitted job it owns', async () => {
    const job = await jobIn('submitted');
    expect(await store.queue.nextRunnable(clock.now(), 5)).toEqual([]);
    await store.queue.requeue(job.id, 'queue paused');
    expect(ids(await store.queue.nextRunnable(clock.now(), 5))).toEqual([job.id]);
  });
});
