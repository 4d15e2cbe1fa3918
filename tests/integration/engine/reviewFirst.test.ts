import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const PROFILE = {
  name: 'Review',
  sizes: [
    { width: 1080, height: 1080, policy: 'fal' as const },
    { width: 1200, height: 628, policy: 'fal' as const },
    { width: 300, height: 250, policy: 'local' as const },
  ],
  output: { format: 'jpeg' as const, quality: 85 },
};

/** Drops one corpus photo (outside the watched folder) with the given drop options. */
async function drop(h: EngineHarness, options: { reviewFirst?: boolean; outputFolder?: string }) {
  const drops = join(h.root, 'drops');
  mkdirSync(drops, { recursive: true });
  const path = join(drops, 'shoot.jpg');
  copyFileSync(join(CORPUS, 'Landscape_1.jpg'), path);
  const result = await h.api.jobs.enqueuePaths({ paths: [path], profileId: h.profile.id, ...options });
  expect(result.skipped).toEqual([]);
  return result.jobIds[0]!;
}

describe('review first (a drop)', () => {
  it('makes every size locally and sends nothing to fal until approved, then exactly the approved size, charged as quoted', async () => {
    harness = await startEngineHarness({ profile: PROFILE });
    const jobId = await drop(harness, { reviewFirst: true });
    let job = await harness.waitForJob('shoot.jpg', ['awaiting_approval', 'done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('awaiting_approval');
    expect(harness.fake.countSubmits()).toBe(0);
    const previews = (await harness.api.jobs.detail({ id: jobId })).outputs;
    expect(previews.map((output) => `${output.target}:${output.provider}`).sort()).toEqual(['1080x1080:local', '1200x628:local', '300x250:local']);
    for (const output of previews) {
      const meta = await sharp(output.path).metadata();
      expect(`${meta.width}x${meta.height}`).toBe(output.target);
    }

    const quotes = await harness.api.approvals.list({ id: jobId });
    expect(quotes.reviewFirst).toBe(true);
    // Each a range: the tier fal names (1K and 2K cost the same) up to 4K, what an answer naming no tier is recorded at.
    expect(quotes.sizes.map((size) => [size.size, size.decision, size.minCents, size.maxCents])).toEqual([
      ['1080x1080', 'pending', 15, 30],
      ['1200x628', 'pending', 15, 30],
    ]);
    expect(quotes.sizes[0]!.reason).toMatch(/^fal may bill the 4K tier/);
    expect(quotes.pendingTotal.maxCents).toBe(quotes.sizes[0]!.maxCents + quotes.sizes[1]!.maxCents + quotes.feeCents);

    const approved = await harness.api.approvals.approve({ jobIds: [jobId], sizes: ['1080x1080'] });
    expect(approved).toEqual({ decided: [{ jobId, state: 'queued', sizes: ['1080x1080'] }], ahead: [], refused: [] });
    job = await harness.waitForJob('shoot.jpg', ['awaiting_approval', 'done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('awaiting_approval');
    expect(harness.submitsOf(job).map((submit) => (submit.body as { target_sizes: string[] }).target_sizes)).toEqual([['1080x1080']]);
    const detail = await harness.api.jobs.detail({ id: jobId });
    // fal named its tier: the ledger's charge is the quote's minimum to the cent, one image at that tier plus its fee.
    expect(detail.costCents).toBe(quotes.sizes[0]!.minCents + quotes.feeCents);
    const square = detail.outputs.find((output) => output.target === '1080x1080')!;
    expect(square.provider).toBe('fal');
    expect(square.path).toBe(previews.find((output) => output.target === '1080x1080')!.path);

    // Declining the last size finishes the job with its preview as the output; nothing more goes to fal.
    const banner = previews.find((output) => output.target === '1200x628')!;
    const before = statSync(banner.path).mtimeMs;
    expect((await harness.api.approvals.decline({ jobIds: [jobId] })).decided).toEqual([{ jobId, state: 'done', sizes: ['1200x628'] }]);
    expect(harness.fake.countSubmits()).toBe(1);
    const done = await harness.api.jobs.detail({ id: jobId });
    expect(done.state).toBe('done');
    expect(done.outputs.find((output) => output.target === '1200x628')!.provider).toBe('local');
    expect(statSync(banner.path).mtimeMs).toBe(before);
    // A decided job is refused with the reason, not an error for the whole batch.
    expect((await harness.api.approvals.approve({ jobIds: [jobId] })).refused[0]!.reason).toMatch(/not awaiting approval/);
  });

  it('records an approved size whose answer names no tier within its quote: at 4K, the top the quote stated', async () => {
    harness = await startEngineHarness({ profile: PROFILE });
    const jobId = await drop(harness, { reviewFirst: true });
    await harness.waitForJob('shoot.jpg', ['awaiting_approval', 'done', 'failed']);
    const quote = (await harness.api.approvals.list({ id: jobId })).sizes.find((size) => size.size === '1080x1080')!;
    expect(quote.reason).toMatch(/fal may bill the 4K tier/);

    harness.fake.failNextJob({ kind: 'noTier' });
    await harness.api.approvals.approve({ jobIds: [jobId], sizes: ['1080x1080'] });
    const job = await harness.waitForJob('shoot.jpg', ['awaiting_approval', 'done', 'failed']);
    expect(harness.submitsOf(job)).toHaveLength(1);
    const [charge] = (await harness.api.spend.ledger({ limit: 10 })).rows.filter((row) => row.kind === 'charge' && row.jobId === job.id);
    expect(charge).toMatchObject({ cents: 30 + 5, tiers: '1x4K?' });
    // What the ledger recorded is within the range shown before approving (the size plus its request's fee).
    expect(charge!.cents).toBeGreaterThanOrEqual(quote.minCents + 5);
    expect(charge!.cents).toBeLessThanOrEqual(quote.maxCents + 5);
  });

  it('writes a batch given its own output folder there, and refuses a relative one before queueing anything', async () => {
    harness = await startEngineHarness({ profile: { ...PROFILE, sizes: PROFILE.sizes.filter((size) => size.policy === 'local') } });
    const out = join(harness.root, 'client-delivery');
    await drop(harness, { outputFolder: out });
    const job = await harness.waitForJob('shoot.jpg', ['done', 'failed']);
    const [output] = (await harness.api.jobs.detail({ id: job.id })).outputs;
    expect(output!.path).toBe(join(out, 'drops-300x250', 'shoot.jpg'));
    await expect(harness.api.jobs.enqueuePaths({ paths: [join(harness.root, 'drops', 'shoot.jpg')], profileId: harness.profile.id, outputFolder: 'relative/out' })).rejects.toThrow(
      /not a full path/,
    );
  });
});
