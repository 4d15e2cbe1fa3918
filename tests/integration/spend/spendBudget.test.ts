import { mkdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HARNESS_TIMING, startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { untilEngine, waitForIdle } from '../../support/engine/engineWaits';
import { spendPeriods } from '../../../electron/engine/spend';
import { SettingsStore } from '../../../electron/engine/settings/settingsStore';
import { writeTestJpeg } from '../../support/engine/testImages';
import { billedByFake } from './spendEvidence';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Writes distinct JPEGs beside the folder and moves them in at once, as a file manager would. */
async function land(h: EngineHarness, names: readonly string[], firstSeed: number): Promise<void> {
  const staging = join(h.root, 'staging');
  mkdirSync(staging, { recursive: true });
  await Promise.all(names.map((name, index) => writeTestJpeg(join(staging, name), firstSeed + index)));
  await Promise.all(names.map((name) => rename(join(staging, name), join(h.watched, name))));
}

const names = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}-${index}.jpg`);
const billedTotal = async (h: EngineHarness) => Object.values(await billedByFake(h.fake)).reduce((sum, cents) => sum + cents, 0);
/** Every job once the queue is idle with at least `count` of them: each done, failed or held, nothing running. */
const settled = (h: EngineHarness, count: number) => waitForIdle(h, { atLeast: count });

// The harness profile: 1080x1080 (a 2K render) and 1200x628 (1K), one image each: 35 cents a request as fal names
// those tiers; 65 reserved for it (each image at 4K's price, which the ledger records for an answer naming no tier).
describe('budget caps with a real engine and the fake fal', () => {
  it('never spends past a daily cap set before the work, holds the rest with the cap named, and runs it once raised', async () => {
    harness = await startEngineHarness({ settings: { dailyCapCents: 100, concurrency: 2 } });
    const notices: string[] = [];
    harness.engine.events.on('notice', (notice) => notices.push(notice.message));
    await land(harness, names('capped', 5), 10);
    const jobs = await settled(harness, 5);
    expect(jobs.filter((job) => job.state === 'done')).toHaveLength(2);
    const held = jobs.filter((job) => job.state === 'waiting_budget');
    // Each reason names the cap and what filled it when the job was held: spent + reserved, plus this request (65).
    for (const job of held) {
      const [, spent, reserved] = /^Daily budget \$1\.00 reached: \$(\d+\.\d\d) spent(?: \+ \$(\d+\.\d\d) reserved for work in flight)?(?:; \$\d+\.\d\d left, the next request may cost up to \$0\.65)?$/.exec(job.stateReason ?? '') ?? [];
      expect(spent, job.stateReason ?? 'no reason').toBeDefined();
      expect(Math.round((Number(spent) + Number(reserved ?? 0)) * 100) + 65).toBeGreaterThan(100);
    }
    expect(notices.filter((message) => message.startsWith('Daily budget $1.00 reached'))).toHaveLength(1);
    expect(await billedTotal(harness)).toBeLessThanOrEqual(100);
    expect(await harness.api.spend.summary({})).toMatchObject({ totalCents: await billedTotal(harness), reservedCents: 0 });
    expect(held.map((job) => job.stateReason)).toContain((await harness.api.spend.held()).cap.reason);
    expect((await harness.api.spend.held()).cap.jobs).toBe(3);

    await harness.api.budget.update({ dailyCapCents: 1000 });
    await harness.waitForJobs(5, ['done']);
    expect(await billedTotal(harness)).toBe(5 * 35);
    expect((await harness.api.spend.summary({})).totalCents).toBe(5 * 35);
  });

  it('a cap lowered while requests are in flight is crossed by those requests only', async () => {
    harness = await startEngineHarness({
      settings: { concurrency: 2 },
      fakeOptions: { latency: { processingMs: 1500, concurrency: 2 } },
    });
    const { engine, store, api } = harness;
    // The test's own handles on the data folder: the engine reads the cap from the settings file at each admission.
    const settings = new SettingsStore(harness.dataDir);
    await land(harness, names('flight', 6), 40);
    // Once money is in flight, shut the daily cap at what is spent so far, in the transaction of the reading: an
    // admission (its own transaction) runs before or after it, never between the reading and the new cap.
    const atSet = await untilEngine(engine, () =>
      store.transaction(async (tx) => {
        const reservedCents = await tx.reservations.total();
        if (reservedCents === 0) return undefined;
        const spentCents = await tx.ledger.sum('charge', { since: spendPeriods(Date.now()).dayStart });
        settings.update({ dailyCapCents: spentCents });
        return { spentCents, reservedCents };
      }), { what: 'a reservation', timeoutMs: 30_000 });
    const jobs = await settled(harness, 6);
    const charged = await billedTotal(harness);
    expect(charged).toBeLessThanOrEqual(atSet.spentCents + atSet.reservedCents);
    expect(charged).toBe((await api.spend.summary({})).totalCents);
    expect(jobs.filter((job) => job.state === 'waiting_budget').length).toBeGreaterThan(0);
    await api.budget.update({ dailyCapCents: null });
    await harness.waitForJobs(6, ['done']);
    expect((await api.spend.summary({})).totalCents).toBe(6 * 35);
  });

  it('reserves each job\'s maximum in the commit that claims it, so a job over the cap is held at its claim (issue 15)', async () => {
    // Room for two jobs (35 cents each charged, 65 reserved: 35 + 65); one runs at a time and two more are claimed ahead of it.
    harness = await startEngineHarness({ settings: { dailyCapCents: 100, concurrency: 1 }, fakeOptions: { latency: { processingMs: 300, concurrency: 1 } } });
    const { engine, api } = harness;
    // Read as each claim's commit is pushed: the store answers it before the claimed job's own next step.
    const atClaim: { jobId: string; reserved: Promise<number> }[] = [];
    engine.events.on('stored', (event) => {
      if (event.kind !== 'job_state' || event.job?.state !== 'preparing') return;
      atClaim.push({ jobId: event.job.id, reserved: api.spend.summary({}).then((summary) => summary.reservedCents) });
    });
    await land(harness, names('claimed', 4), 90);
    const jobs = await settled(harness, 4);
    expect(jobs.map((job) => job.state).sort()).toEqual(['done', 'done', 'waiting_budget', 'waiting_budget']);
    // Every claim that let a job run (its last: one held at claim and put back in line was claimed before) had its
    // money already reserved when it was committed (never 0 in between).
    const done = new Set(jobs.filter((job) => job.state === 'done').map((job) => job.id));
    const lastClaims = new Map(atClaim.filter((claim) => done.has(claim.jobId)).map((claim) => [claim.jobId, claim.reserved]));
    const reserved = await Promise.all(lastClaims.values());
    expect(reserved).toHaveLength(2);
    for (const cents of reserved) expect(cents).toBeGreaterThanOrEqual(65);
    expect(await billedTotal(harness)).toBe(70);
    expect((await api.spend.summary({})).reservedCents).toBe(0);
  });

  it('reserves what the ledger can record, so a fal answer naming no tier (recorded at 4K) never crosses the cap', async () => {
    // Room for the image at the tiers fal may pick (35), not for each of its images at 4K (65), which a no-tier answer records.
    harness = await startEngineHarness({ settings: { dailyCapCents: 64, concurrency: 1 } });
    harness.fake.failNextJob({ kind: 'noTier' });
    await land(harness, names('untiered', 1), 120);
    const [job] = await settled(harness, 1);
    expect((await harness.api.spend.summary({})).totalCents).toBeLessThanOrEqual(64);
    expect(job).toMatchObject({ state: 'waiting_budget' });
    expect(job!.stateReason).toMatch(/the next request may cost up to \$0\.65$/);
    await harness.api.budget.update({ dailyCapCents: 65 });
    await harness.waitForJobs(1, ['done']);
    expect((await harness.api.spend.summary({})).totalCents).toBe(65);
  });

  it('requeues held work when the day rolls over (the engine clock moved past midnight)', async () => {
    let offset = 0;
    harness = await startEngineHarness({
      settings: { dailyCapCents: 65, concurrency: 1 },
      engine: { now: () => Date.now() + offset, timing: { ...HARNESS_TIMING, budgetCheckMs: 100 } },
    });
    await land(harness, names('daily', 3), 70);
    let jobs = await settled(harness, 3);
    expect(jobs.map((job) => job.state).sort()).toEqual(['done', 'waiting_budget', 'waiting_budget']);
    offset += 24 * 3_600_000;
    await harness.waitForJobs(2, ['done']);
    jobs = await settled(harness, 3);
    expect(jobs.map((job) => job.state).sort()).toEqual(['done', 'done', 'waiting_budget']);
    expect(await harness.api.spend.summary({})).toMatchObject({ today: { spentCents: 35, capCents: 65 }, totalCents: 70 });
    offset += 24 * 3_600_000;
    await harness.waitForJobs(3, ['done']);
    expect(await billedTotal(harness)).toBe(3 * 35);
  });
});
