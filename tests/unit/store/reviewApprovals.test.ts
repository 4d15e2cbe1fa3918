import { describe, expect, it } from 'vitest';
import type { JobStore } from '../../../electron/engine/store/jobStore';
import { newJob, useFreshStore, type FakeClock } from './storeFixture';

let store: JobStore;
let clock: FakeClock;
useFreshStore((opened) => ({ store, clock } = opened));

const quotes = [
  { size: '1080x1920', minCents: 15, maxCents: 15, reason: null },
  { size: '3000x1000', minCents: 15, maxCents: 30, reason: 'fal picks 2K or 4K' },
];

/** A review-first job whose previews are written: preparing -> writing -> awaiting_approval, quotes pending. */
async function awaitingJob() {
  const { job } = await store.jobs.insertJobIfNew(newJob());
  await store.reviews.setJobOptions(job.id, { reviewFirst: true, outputRoot: null });
  await store.jobs.transition(job.id, 'preparing');
  await store.jobs.transition(job.id, 'writing');
  await store.transaction(async (tx) => {
    await tx.reviews.addQuotes(job.id, quotes);
    await tx.jobs.transition(job.id, 'awaiting_approval');
  });
  return job;
}

describe('review first on the store (migration 14)', () => {
  it('keeps a job\'s intake options, and none for an ordinary job', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    const { job: plain } = await store.jobs.insertJobIfNew(newJob());
    await store.reviews.setJobOptions(job.id, { reviewFirst: true, outputRoot: '/home/me/out' });
    expect(await store.reviews.jobOptions(job.id)).toEqual({ reviewFirst: true, outputRoot: '/home/me/out' });
    expect(await store.reviews.jobOptions(plain.id)).toBeUndefined();
  });

  it('keeps a decision ahead for a job still previewing, the last one replacing it (migration 18)', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await store.reviews.setJobOptions(job.id, { reviewFirst: true, outputRoot: null });
    await store.reviews.decideAhead(job.id, { decision: 'approved', sizes: null });
    expect(await store.reviews.jobOptions(job.id)).toEqual({ reviewFirst: true, outputRoot: null, ahead: { decision: 'approved', sizes: null } });
    await store.reviews.decideAhead(job.id, { decision: 'declined', sizes: ['1080x1920'] });
    expect((await store.reviews.jobOptions(job.id))?.ahead).toEqual({ decision: 'declined', sizes: ['1080x1920'] });
    // The intake options written again (a job re-admitted) keep the decision.
    await store.reviews.setJobOptions(job.id, { reviewFirst: true, outputRoot: '/out' });
    expect((await store.reviews.jobOptions(job.id))?.ahead?.decision).toBe('declined');
  });

  it('records quotes as pending in their order and decides only pending sizes', async () => {
    const job = await awaitingJob();
    expect((await store.reviews.listApprovals(job.id)).map((row) => [row.size, row.decision, row.minCents, row.maxCents, row.reason])).toEqual([
      ['1080x1920', 'pending', 15, 15, null],
      ['3000x1000', 'pending', 15, 30, 'fal picks 2K or 4K'],
    ]);
    clock.advance(1000);
    expect(await store.reviews.decide(job.id, 'declined', ['3000x1000'])).toEqual(['3000x1000']);
    // Deciding everything now touches only what is still pending: the declined size stays declined.
    expect(await store.reviews.decide(job.id, 'approved')).toEqual(['1080x1920']);
    expect(await store.reviews.decide(job.id, 'approved')).toEqual([]);
    const rows = await store.reviews.listApprovals(job.id);
    expect(rows.map((row) => row.decision)).toEqual(['approved', 'declined']);
    expect(rows[0]!.decidedAt).toBe(clock.now());
    // A second quoting (a later run) keeps the rows and their decisions.
    await store.reviews.addQuotes(job.id, quotes);
    expect((await store.reviews.listApprovals(job.id)).map((row) => row.decision)).toEqual(['approved', 'declined']);
  });

  it('moves awaiting_approval back in line, to done or to cancelled, and counts it as its own state', async () => {
    const approved = await awaitingJob();
    const declined = await awaitingJob();
    const cancelled = await awaitingJob();
    expect((await store.history.countByState()).awaiting_approval).toBe(3);
    // Nothing claims a job that waits for the person.
    expect(await store.queue.claimRunnable(clock.now(), 10)).toEqual([]);
    await store.jobs.transition(approved.id, 'queued');
    await store.jobs.transition(declined.id, 'done', { progress: 1 });
    await store.jobs.transition(cancelled.id, 'cancelled');
    await expect(store.jobs.transition(approved.id, 'awaiting_approval')).rejects.toThrow();
    expect((await store.history.queryJobs({ states: ['awaiting_approval'], limit: 10 })).jobs).toEqual([]);
    expect((await store.jobs.getJob(declined.id))?.state).toBe('done');
  });

  it('lists the review-first jobs not finished, oldest first, whether quoted and any decision ahead', async () => {
    const { job: previewing } = await store.jobs.insertJobIfNew(newJob());
    await store.reviews.setJobOptions(previewing.id, { reviewFirst: true, outputRoot: null });
    clock.advance(10);
    const { job: approvedAhead } = await store.jobs.insertJobIfNew(newJob());
    await store.reviews.setJobOptions(approvedAhead.id, { reviewFirst: true, outputRoot: null });
    await store.reviews.decideAhead(approvedAhead.id, { decision: 'approved', sizes: ['1080x1920'] });
    clock.advance(10);
    const awaiting = await awaitingJob();
    clock.advance(10);
    const finished = await awaitingJob();
    await store.jobs.transition(finished.id, 'done', { progress: 1 });
    // Neither an ordinary job nor one given only its own output folder is a review.
    const { job: plain } = await store.jobs.insertJobIfNew(newJob());
    await store.reviews.setJobOptions(plain.id, { reviewFirst: false, outputRoot: '/out' });
    expect(await store.reviews.openReviews()).toEqual([
      { jobId: previewing.id, state: 'queued', quoted: false },
      { jobId: approvedAhead.id, state: 'queued', quoted: false, ahead: { decision: 'approved', sizes: ['1080x1920'] } },
      { jobId: awaiting.id, state: 'awaiting_approval', quoted: true },
    ]);
  });

  it('refuses a quote whose maximum is below its minimum', async () => {
    const { job } = await store.jobs.insertJobIfNew(newJob());
    await expect(store.reviews.addQuotes(job.id, [{ size: '10x10', minCents: 30, maxCents: 15, reason: null }])).rejects.toThrow(/CHECK|check/);
  });
});
