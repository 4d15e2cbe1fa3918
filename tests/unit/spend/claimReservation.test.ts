import { describe, expect, it } from 'vitest';
import { CLAIM_BATCH } from '../../../electron/engine/spend/budgetGuard/capGuard';
import type { JobRecord } from '../../../electron/engine/store';
import { newJob } from '../store/storeFixture';
import { useSpendFixtures, type SpendFixture } from './spendFixture';

const fixtures = useSpendFixtures();

/** Claims the next queued job and reserves its maximum in one transaction, as the scheduler does. */
async function claimOne(f: SpendFixture) {
  return f.store.transaction(async (tx) => {
    await tx.reservations.pruneStale();
    const [claim] = await tx.queue.claimRunnable(f.clock.now(), 1);
    if (!claim) throw new Error('nothing to claim');
    return { job: claim.job, verdict: await f.spend.admission.reserveAtClaim(tx, claim.job) };
  });
}

const reservations = async (f: SpendFixture) => (await f.store.reservations.list()).map(({ jobId, batchIndex, cents }) => ({ jobId, batchIndex, cents }));

/** Runs a claimed job's one request to the end as the runner does: admitted, submitted, charged 20 cents, written, done. */
async function finishJob(f: SpendFixture, job: JobRecord, requestId: string): Promise<JobRecord> {
  expect(await f.spend.admission.admit(job, 35, 0)).toEqual({ ok: true });
  await f.store.jobs.transition(job.id, 'uploading');
  await f.store.requests.recordRequestId(job.id, 0, requestId, ['1080x1080', '800x1000']);
  await f.spend.recorder.charged(job, requestId, [{ resolution: '1K', images: [{}] }]);
  await f.store.jobs.transition(job.id, 'downloading');
  await f.store.jobs.transition(job.id, 'writing');
  await f.store.requests.finishRequest(requestId, 'completed');
  return f.store.jobs.transition(job.id, 'done', { progress: 1 });
}

// The fixture profile: two fal sizes in one request at the 1K hint: 35 cents at the tiers fal may pick, at most 65
// (each image at 4K's price, as the ledger records an answer naming no tier).
describe('reservations taken with the claim (issue 15)', () => {
  it('reserves a job\'s maximum at its claim, holds a job the caps leave no room for, and each request takes its share', async () => {
    const f = fixtures.open();
    await f.spend.budget.update({ dailyCapCents: 100 });
    for (let index = 0; index < 2; index += 1) {
      f.clock.advance(1);
      await f.store.jobs.insertJobIfNew(newJob());
    }
    const first = await claimOne(f);
    expect(first.verdict).toEqual({ ok: true });
    expect(await reservations(f)).toEqual([{ jobId: first.job.id, batchIndex: CLAIM_BATCH, cents: 65 }]);
    const second = await claimOne(f);
    expect(second.verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/^Daily budget \$1\.00 reached: \$0\.00 spent \+ \$0\.65 reserved/) });
    expect(await reservations(f)).toHaveLength(1);

    // The cap is lowered below what is reserved: the claimed job's request still goes (its money was set aside).
    await f.spend.budget.update({ dailyCapCents: 10 });
    expect(await f.spend.admission.admit(first.job, 25, 0)).toEqual({ ok: true });
    expect(await reservations(f)).toEqual([
      { jobId: first.job.id, batchIndex: CLAIM_BATCH, cents: 40 },
      { jobId: first.job.id, batchIndex: 0, cents: 25 },
    ]);
    // A second request wanting more than is left is checked against the caps on its own, and held by the low cap.
    expect((await f.spend.admission.admit(first.job, 45, 1)).ok).toBe(false);
    expect(await reservations(f)).toEqual([{ jobId: first.job.id, batchIndex: 0, cents: 25 }]);

    // The job stops working: what its claim set aside and no request holds is released.
    await f.store.jobs.transition(first.job.id, 'failed', { reason: 'test' });
    await f.store.reservations.pruneStale();
    expect(await reservations(f)).toEqual([]);
  });

  it("claims again a job whose submit's answer was never stored without holding it: the submit's reservation covers it while its run looks the request up", async () => {
    const f = fixtures.open();
    // Room for one job's maximum (65), not two: counting the open submit's money and a new claim both would hold it.
    await f.spend.budget.update({ dailyCapCents: 80 });
    await f.store.jobs.insertJobIfNew(newJob());
    const { job } = await claimOne(f);
    expect(await f.spend.admission.admit(job, 65, 0)).toEqual({ ok: true });
    await f.store.jobs.transition(job.id, 'uploading');
    await f.store.submits.recordSubmitSending({ jobId: job.id, batchIndex: 0, imageUrl: 'https://fal.media/x.jpg', sizes: ['1080x1080', '800x1000'], mayBillCents: 25 });
    // The app dies after sending, before fal's answer is stored (on a team: the instance dies and its lease runs out).
    await f.store.queue.recoverInterruptedJobs();
    expect((await f.store.jobs.getJob(job.id))?.state).toBe('queued');

    // fal may be running (and billing) that submit: the job runs again to find its request, under the money the
    // submit holds. Held in waiting_budget instead, nothing would ever look the request up and its reservation
    // would hold the cap for good (a team stuck one image short of its cap).
    const again = await claimOne(f);
    expect(again.verdict).toEqual({ ok: true });
    expect(await reservations(f)).toEqual([{ jobId: job.id, batchIndex: 0, cents: 65 }]);
  });

  it("puts a held job whose submit's answer was never stored back in line: its own reservation is the room it needs", async () => {
    const f = fixtures.open();
    await f.spend.budget.update({ dailyCapCents: 80 });
    await f.store.jobs.insertJobIfNew(newJob());
    const { job } = await claimOne(f);
    expect(await f.spend.admission.admit(job, 65, 0)).toEqual({ ok: true });
    await f.store.jobs.transition(job.id, 'uploading');
    await f.store.submits.recordSubmitSending({ jobId: job.id, batchIndex: 0, imageUrl: 'https://fal.media/x.jpg', sizes: ['1080x1080', '800x1000'], mayBillCents: 25 });
    await f.store.queue.recoverInterruptedJobs();
    // Parked with its submit open (as a claim counting that money twice did): $0.15 left, less than its cheapest.
    await f.store.transaction(async (tx) => {
      const [claim] = await tx.queue.claimRunnable(f.clock.now(), 1);
      await tx.jobs.transition(claim!.job.id, 'waiting_budget', { reason: 'Daily budget $0.50 reached' });
    });

    expect(await f.spend.capRelease.release()).toBe(1);
    expect((await f.store.jobs.getJob(job.id))?.state).toBe('queued');
    expect((await claimOne(f)).verdict).toEqual({ ok: true });
    expect(await reservations(f)).toEqual([{ jobId: job.id, batchIndex: 0, cents: 65 }]);
  });

  it('admits a request only for a job whose run this instance holds: a run that lost its job reserves nothing', async () => {
    const f = fixtures.open();
    const job = await f.claimedJob();
    // The job is finished by the run that holds it (on a team: the instance that took it over after this run's lease
    // ran out) while this run was still preparing it.
    const done = await finishJob(f, job, 'req-done');
    expect(await f.store.ledger.sum('charge')).toBe(20);

    // The old run gets as far as its admission: refused. Reserved, the money would stay reserved for good (the
    // batch's request is the finished one), the caps that much fuller with nothing in flight.
    await expect(f.spend.admission.admit(job, 35, 0)).rejects.toThrow('is no longer run here');
    await f.store.reservations.pruneStale();
    expect(await reservations(f)).toEqual([]);
    expect(done.state).toBe('done');
  });

  it('releases a reservation left beside a completed request: its charge settled that money before it completed', async () => {
    const f = fixtures.open();
    const job = await finishJob(f, await f.claimedJob(), 'req-done');
    // As a run that had lost its job could leave one (before its admission was refused).
    await f.store.reservations.reserve(job.id, 0, job.folderId, 35);
    expect(await f.store.reservations.pruneStale()).toBe(1);
    expect(await reservations(f)).toEqual([]);
  });
});
