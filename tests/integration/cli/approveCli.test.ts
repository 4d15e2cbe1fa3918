import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { CORPUS, REVIEW_FIRST_PROFILE } from '../../support/engine/reviewFirstProfile';
import { jsonLines, runCli } from '../../support/cli/runCli';

// `smart-resize approve JOB`: review first for `watch` and headless users. It decides in the same store as the app,
// and a running host (here the harness's engine on that data folder) sends exactly the approved sizes.

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});


async function awaitingJob(h: EngineHarness, name: string): Promise<string> {
  const drops = join(h.root, 'drops');
  mkdirSync(drops, { recursive: true });
  copyFileSync(join(CORPUS, 'Landscape_1.jpg'), join(drops, name));
  const { jobIds } = await h.api.jobs.enqueuePaths({ paths: [join(drops, name)], profileId: h.profile.id, reviewFirst: true });
  const job = await h.waitForJob(name, ['awaiting_approval', 'done', 'failed']);
  expect(job.state, job.errorMessage ?? '').toBe('awaiting_approval');
  return jobIds[0]!;
}

describe('smart-resize approve', () => {
  it('lists what awaits, approves one size with its price, and the running host sends exactly that size; --decline finishes the job with its previews', async () => {
    harness = await startEngineHarness({ profile: REVIEW_FIRST_PROFILE });
    const h = harness;
    const jobId = await awaitingJob(h, 'shoot.jpg');

    const awaiting = jsonLines<{ id: string; status: string }>((await runCli(['jobs', '--status', 'awaiting_approval', '--json', '--data', h.dataDir])).stdout);
    expect(awaiting.map((line) => `${line.id}:${line.status}`)).toEqual([`${jobId}:awaiting_approval`]);

    const approved = await runCli(['approve', jobId, '--size', '1080x1080', '--json', '--data', h.dataDir]);
    expect(approved.code, approved.stderr).toBe(0);
    const [line] = jsonLines<{ job: string; decision: string; state: string; sizes: Array<{ size: string; minCents: number; maxCents: number }>; totalCents: { min: number; max: number }; pending: string[] }>(
      approved.stdout,
    );
    expect(line).toMatchObject({ job: jobId, decision: 'approved', state: 'queued', pending: ['1200x628'] });
    expect(line!.sizes.map((size) => size.size)).toEqual(['1080x1080']);
    const quote = (await h.api.approvals.list({ id: jobId })).sizes.find((size) => size.size === '1080x1080')!;
    expect(line!.totalCents).toEqual({ min: quote.minCents + 5, max: quote.maxCents + 5 });

    // The running engine takes it from the store: exactly the approved size reaches fal, charged as quoted.
    await expect.poll(() => h.fake.countSubmits(), { timeout: 30_000 }).toBe(1);
    const job = await h.waitForJob('shoot.jpg', ['awaiting_approval']);
    expect(h.submitsOf(job).map((submit) => (submit.body as { target_sizes: string[] }).target_sizes)).toEqual([['1080x1080']]);

    const declined = await runCli(['approve', jobId, '--decline', '--data', h.dataDir]);
    expect(declined.code, declined.stderr).toBe(0);
    expect(declined.stdout).toContain('Declined 1200x628 of shoot.jpg');
    expect((await h.waitForJob('shoot.jpg', ['done'])).state).toBe('done');
    expect(h.fake.countSubmits()).toBe(1);

    // A job not awaiting approval, or a size it was not quoted for, is refused with the reason (exit 1).
    const again = await runCli(['approve', jobId, '--data', h.dataDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('shoot.jpg is not awaiting approval (it is done)');
    // A hung-run guard: four CLI processes start Node and compile the CLI each, slow on a loaded machine.
  }, 240_000);

  it('refuses a size the job was not quoted for, deciding nothing', async () => {
    harness = await startEngineHarness({ profile: REVIEW_FIRST_PROFILE });
    const jobId = await awaitingJob(harness, 'other.jpg');
    const refused = await runCli(['approve', jobId, '--size', '300x250', '--data', harness.dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('other.jpg has no paid size 300x250 to decide.');
    expect((await harness.api.approvals.list({ id: jobId })).sizes.every((size) => size.decision === 'pending')).toBe(true);
  }, 120_000);
});
