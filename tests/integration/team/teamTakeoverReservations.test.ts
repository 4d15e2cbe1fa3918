import { afterEach, describe, expect, inject, it } from 'vitest';
import { CLAIM_BATCH } from '../../../electron/engine/spend/budgetGuard/capGuard';
import type { JobRecord } from '../../../electron/engine/store';
import { openPostgresStore, type PostgresJobStore } from '../../../electron/engine/store/postgres/pgJobStore';
import { pollUntil } from '../../support/engine/pollUntil';
import { freshDatabase } from '../../support/postgres/freshDatabase';
import { spendFixtureOver, type SpendFixture } from '../../unit/spend/spendFixture';
import { newJob } from '../../unit/store/storeFixture';

const LEASE_MS = 400;
/** Room for one job's maximum (the fixture profile: at most 65 cents, each image at 4K's price), not two. */
const CAP_CENTS = 100;
/** The fixture profile's maximum: what a claim reserves and its one request then takes. */
const MAX_CENTS = 65;

const opened: PostgresJobStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0).reverse()) await store.close();
});

/** One instance of the team: its store under its name, and the engine's spend parts over it, under the one cap. */
async function instance(url: string, name: string): Promise<SpendFixture> {
  const store = openPostgresStore(url, { instance: name, leaseMs: LEASE_MS });
  opened.push(store);
  const fixture = spendFixtureOver(store);
  await fixture.spend.budget.update({ dailyCapCents: CAP_CENTS });
  return fixture;
}

/** Two instances on a fresh database, one job queued. */
async function team(): Promise<{ url: string; a: SpendFixture; b: SpendFixture }> {
  const url = await freshDatabase(inject('pgUrl'));
  const a = await instance(url, 'studio-a');
  const b = await instance(url, 'studio-b');
  await a.store.jobs.insertJobIfNew(newJob());
  return { url, a, b };
}

/** The scheduler's claim: the next runnable job (taken over when its holder's lease ran out), its maximum reserved. */
function claimWithReservation(f: SpendFixture) {
  return f.store.transaction(async (tx) => {
    await tx.reservations.pruneStale();
    const [claim] = await tx.queue.claimRunnable(Date.now(), 1);
    return claim && { job: claim.job, verdict: await f.spend.admission.reserveAtClaim(tx, claim.job) };
  });
}

const takenOver = (f: SpendFixture) => pollUntil(() => claimWithReservation(f), { what: 'the job taken over after its lease ran out', intervalMs: 50 });
const reservations = async (f: SpendFixture) => (await f.store.reservations.list()).map(({ jobId, batchIndex, cents }) => ({ jobId, batchIndex, cents }));

/** Claims the one job on `f` and admits its request, as a run does before it uploads. */
async function admitted(f: SpendFixture): Promise<JobRecord> {
  const claim = await claimWithReservation(f);
  expect(claim?.verdict).toEqual({ ok: true });
  expect(await f.spend.admission.admit(claim!.job, MAX_CENTS, 0)).toEqual({ ok: true });
  return f.store.jobs.transition(claim!.job.id, 'uploading');
}

describe("a team's reservations when a job is taken over", () => {
  it('claims a job taken over between its admission and its submit without counting the dead holder\'s reservation again', async () => {
    const { a, b } = await team();
    const job = await admitted(a);
    expect(await reservations(b)).toEqual([{ jobId: job.id, batchIndex: 0, cents: MAX_CENTS }]);

    // a dies before sending (no submit, no request). The job stays running through b's claim, taking it over: a's
    // admission is not money in flight, and counted beside b's claim the team would be over its cap (65 + 65 > 100).
    await a.store.close();
    const claim = await takenOver(b);
    expect(claim).toMatchObject({ job: { id: job.id, state: 'preparing' }, verdict: { ok: true } });
    expect(await reservations(b)).toEqual([{ jobId: job.id, batchIndex: CLAIM_BATCH, cents: MAX_CENTS }]);
  });

  it("refuses the admission of a run whose job was taken over, while the new holder runs it and once it finished it", async () => {
    const { url, a, b } = await team();
    const first = await claimWithReservation(a);
    expect(first?.verdict).toEqual({ ok: true });
    const job = first!.job;

    // a loses the database (not its life) long enough for its lease to run out; b takes the job over.
    await a.store.close();
    const claim = await takenOver(b);
    expect(claim?.verdict).toEqual({ ok: true });
    // a's run, still preparing the job in memory, reaches its admission: refused, b's claim left as it was.
    const aAgain = await instance(url, 'studio-a');
    await expect(aAgain.spend.admission.admit(job, MAX_CENTS, 0)).rejects.toThrow('is no longer run here');
    expect(await reservations(b)).toEqual([{ jobId: job.id, batchIndex: CLAIM_BATCH, cents: MAX_CENTS }]);

    // b runs it to the end: admitted, sent, charged 20 cents, written.
    expect(await b.spend.admission.admit(claim!.job, MAX_CENTS, 0)).toEqual({ ok: true });
    await b.store.jobs.transition(job.id, 'uploading');
    await b.store.requests.recordRequestId(job.id, 0, 'req-b', ['1080x1080', '800x1000']);
    await b.spend.recorder.charged(claim!.job, 'req-b', [{ resolution: '1K', images: [{}] }]);
    await b.store.jobs.transition(job.id, 'downloading');
    await b.store.jobs.transition(job.id, 'writing');
    await b.store.requests.finishRequest('req-b', 'completed');
    await b.store.jobs.transition(job.id, 'done', { progress: 1 });

    // a's run is slower still: its admission comes after the job is done. Reserved, that money would stand beside
    // the finished request for good and the team's cap would hold work it has room for.
    await expect(aAgain.spend.admission.admit(job, MAX_CENTS, 0)).rejects.toThrow('is no longer run here');
    await b.store.reservations.pruneStale();
    expect(await reservations(b)).toEqual([]);
    expect(await b.store.ledger.sum('charge')).toBe(20);
  });
});
