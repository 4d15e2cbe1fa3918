import { describe, expect, it, vi } from 'vitest';
import { useSpendFixtures, type SpendFixture } from './spendFixture';

const fixtures = useSpendFixtures();

/** Admits a job's first request and parks it in waiting_budget when refused, as the runner does. */
async function admit(f: SpendFixture, maxCents: number, folderId: string | null = 'folder-a') {
  // Jobs come in one after another: held work is released oldest first.
  f.clock.advance(1);
  const job = await f.claimedJob(folderId);
  const admission = await f.spend.admission.admit(job, maxCents, 0);
  if (!admission.ok) await f.store.jobs.transition(job.id, 'waiting_budget', { reason: admission.reason });
  return { job, admission };
}

/** The request comes back: submitted, then charged at `cents` (one 1K image per 15 cents after the fee). */
async function finish(f: SpendFixture, jobId: string, requestId: string, images: number) {
  const job = await f.store.jobs.transition(jobId, 'uploading');
  await f.store.requests.recordRequestId(jobId, 0, requestId, ['800x1000']);
  await f.spend.recorder.charged(job, requestId, [{ resolution: '1K', images: Array.from({ length: images }, () => ({})) }]);
}

describe('budget caps', () => {
  it('admits while spent + reserved + this maximum stays within the daily cap, and holds with the cap named', async () => {
    const f = fixtures.open();
    await f.spend.budget.update({ dailyCapCents: 100 });
    const first = await admit(f, 65);
    expect(first.admission).toEqual({ ok: true });
    expect((await f.spend.reports.summary()).reservedCents).toBe(65);
    const second = await admit(f, 65);
    const reason = 'Daily budget $1.00 reached: $0.00 spent + $0.65 reserved for work in flight; $0.35 left, the next request may cost up to $0.65';
    expect(second.admission).toEqual({ ok: false, reason });
    expect(f.notices).toEqual([`${reason}. New fal work waits until the cap is raised or the period rolls over.`]);
    expect((await f.spend.reports.held()).cap).toEqual({ jobs: 1, reason });

    // The first request cost 20, not 65: its reservation is settled by the charge and the held job fits (20 + 65 <= 100).
    await finish(f, first.job.id, 'req-1', 1);
    expect(await f.spend.reports.summary()).toMatchObject({ totalCents: 20, reservedCents: 0 });
    expect((await f.store.jobs.getJob(second.job.id))?.state).toBe('queued');
    expect(await f.spend.admission.admit(await f.store.jobs.transition(second.job.id, 'preparing'), 65, 0)).toEqual({ ok: true });
    expect((await admit(f, 65)).admission.ok).toBe(false);
  });

  it('says when money reserved for work in flight, not money spent, reached the cap (issue 10 item 11)', async () => {
    const f = fixtures.open();
    await f.spend.budget.update({ dailyCapCents: 350 });
    // $3.05 spent: one request of 20 images (5 + 20 x 15 cents).
    await finish(f, (await admit(f, 305)).job.id, 'req-spent', 20);
    // $0.45 in flight: admitted, at fal, not priced yet. Spent + reserved is the whole cap.
    expect((await admit(f, 45)).admission).toEqual({ ok: true });
    expect((await admit(f, 20)).admission).toEqual({
      ok: false,
      reason: 'Daily budget $3.50 reached: $3.05 spent + $0.45 reserved for work in flight',
    });
    // Money is left, but less than the next request may cost: the reason says how much of each.
    await f.spend.budget.update({ dailyCapCents: 360 });
    expect((await admit(f, 20)).admission).toEqual({
      ok: false,
      reason: 'Daily budget $3.60 reached: $3.05 spent + $0.45 reserved for work in flight; $0.10 left, the next request may cost up to $0.20',
    });
  });

  it('applies the monthly cap and a folder cap only to that folder', async () => {
    const f = fixtures.open();
    await f.spend.budget.update({ folderCaps: [{ folderId: 'folder-a', capCents: 50 }] });
    expect((await admit(f, 40)).admission.ok).toBe(true);
    expect((await admit(f, 40)).admission).toEqual({
      ok: false,
      reason: 'Monthly budget $0.50 of /watch/a reached: $0.00 spent + $0.40 reserved for work in flight; $0.10 left, the next request may cost up to $0.40',
    });
    expect((await admit(f, 40, null)).admission.ok).toBe(true);
    await f.spend.budget.update({ monthlyCapCents: 100 });
    expect((await admit(f, 40, null)).admission).toEqual({
      ok: false,
      reason: 'Monthly budget $1.00 reached: $0.00 spent + $0.80 reserved for work in flight; $0.20 left, the next request may cost up to $0.40',
    });
  });

  it('releases held work when the cap is raised, and only as much as fits', async () => {
    const f = fixtures.open();
    await f.spend.budget.update({ dailyCapCents: 0 });
    const held = [await admit(f, 35), await admit(f, 35), await admit(f, 35)].map(({ job }) => job.id);
    expect(await Promise.all(held.map(async (id) => (await f.store.jobs.getJob(id))?.state))).toEqual(['waiting_budget', 'waiting_budget', 'waiting_budget']);
    // Room for two of the cheapest requests the profile can send (5 + 15 + 15 at the lowest tiers).
    await f.spend.budget.update({ dailyCapCents: 70 });
    expect(await Promise.all(held.map(async (id) => (await f.store.jobs.getJob(id))?.state))).toEqual(['queued', 'queued', 'waiting_budget']);
    await f.spend.budget.update({ dailyCapCents: null });
    expect((await f.store.jobs.getJob(held[2]!))?.state).toBe('queued');
  });

  it('keeps a reservation while its request is live, and releases it when the job fails or stops before fal took it', async () => {
    const f = fixtures.open();
    const live = (await admit(f, 50)).job;
    await f.store.jobs.transition(live.id, 'uploading');
    await f.store.requests.recordRequestId(live.id, 0, 'req-live', ['800x1000']);
    const failed = (await admit(f, 30)).job;
    await f.store.jobs.transition(failed.id, 'retry_scheduled', { nextAttemptAt: f.clock.now() + 1000 });
    expect((await f.spend.reports.summary()).reservedCents).toBe(50);
    // After a crash, the live request resumes: its reservation still counts until it is priced.
    await f.store.queue.recoverInterruptedJobs();
    expect((await f.spend.reports.summary()).reservedCents).toBe(50);
  });

  it('requeues held jobs when the day rolls over (local midnight)', async () => {
    const f = fixtures.open(new Date(2025, 0, 8, 23, 30).getTime());
    await f.spend.budget.update({ dailyCapCents: 40 });
    const first = await admit(f, 25);
    await finish(f, first.job.id, 'req-1', 1);
    const held = (await admit(f, 25)).job;
    expect((await f.store.jobs.getJob(held.id))?.state).toBe('waiting_budget');
    expect(await f.spend.checkHeldWork()).toBe(0);
    f.clock.advance(31 * 60_000);
    expect(await f.spend.checkHeldWork()).toBe(1);
    expect((await f.store.jobs.getJob(held.id))?.state).toBe('queued');
    expect(await f.spend.reports.summary()).toMatchObject({ today: { spentCents: 0, capCents: 40 }, month: { spentCents: 20 } });
  });

  it('looks at held work again when money was released just after a release pass found no room', async () => {
    const f = fixtures.open();
    await f.spend.budget.update({ dailyCapCents: 50 });
    const running = (await admit(f, 35)).job;
    const held = (await admit(f, 35)).job;
    expect((await f.store.jobs.getJob(held.id))?.state).toBe('waiting_budget');

    // The running job stops before fal took its request (its money is released by the next prune) right after a
    // release pass read the caps full. The periodic check must still see that money go, or the held job waits for
    // some other event (a charge, a cap change) that may never come.
    const transaction = f.store.transaction.bind(f.store);
    vi.spyOn(f.store, 'transaction').mockImplementationOnce(async (work) => {
      const result = await transaction(work);
      await f.store.jobs.transition(running.id, 'failed', { reason: 'test' });
      return result;
    });
    expect(await f.spend.capRelease.release()).toBe(0);
    expect(await f.spend.capRelease.checkPeriods()).toBe(1);
    expect((await f.store.jobs.getJob(held.id))?.state).toBe('queued');
  });
});
