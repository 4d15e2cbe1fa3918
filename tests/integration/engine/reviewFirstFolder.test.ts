import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/engine/settings/settingsStore';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { CORPUS, REVIEW_FIRST_PROFILE } from '../../support/engine/reviewFirstProfile';

// Review first as a watched folder's setting: files found there are made locally and wait with their quote; nothing
// reaches fal until the person approves, then exactly the approved sizes.

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});


describe('review first (a watched folder)', () => {
  it('is a folder setting that persists, and its files wait with their quote, sending nothing to fal until approved, then exactly the approved sizes', async () => {
    harness = await startEngineHarness({ profile: REVIEW_FIRST_PROFILE });
    const updated = await harness.api.folders.update({ id: harness.folderId, patch: { reviewFirst: true } });
    expect(updated.reviewFirst).toBe(true);
    // Saved in settings.json: a fresh read of the data folder (the next start) has it.
    expect(new SettingsStore(harness.dataDir).get().folders.find((folder) => folder.id === harness!.folderId)?.reviewFirst).toBe(true);
    expect((await harness.api.folders.list())[0]!.reviewFirst).toBe(true);

    copyFileSync(join(CORPUS, 'Landscape_1.jpg'), join(harness.watched, 'found.jpg'));
    let job = await harness.waitForJob('found.jpg', ['awaiting_approval', 'done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('awaiting_approval');
    expect(harness.fake.countSubmits()).toBe(0);
    const quotes = await harness.api.approvals.list({ id: job.id });
    expect(quotes.reviewFirst).toBe(true);
    expect(quotes.sizes.map((size) => `${size.size}:${size.decision}`)).toEqual(['1080x1080:pending', '1200x628:pending']);
    expect(quotes.sizes.every((size) => size.maxCents > 0)).toBe(true);
    const previews = (await harness.api.jobs.detail({ id: job.id })).outputs;
    expect(previews.map((output) => `${output.target}:${output.provider}`).sort()).toEqual(['1080x1080:local', '1200x628:local', '300x250:local']);

    await harness.api.approvals.approve({ jobIds: [job.id], sizes: ['1200x628'] });
    job = await harness.waitForJob('found.jpg', ['awaiting_approval', 'done', 'failed']);
    expect(harness.submitsOf(job).map((submit) => (submit.body as { target_sizes: string[] }).target_sizes)).toEqual([['1200x628']]);
    expect((await harness.api.jobs.detail({ id: job.id })).costCents).toBe(quotes.sizes[1]!.minCents + quotes.feeCents);

    await harness.api.approvals.approve({ jobIds: [job.id] });
    job = await harness.waitForJob('found.jpg', ['done', 'failed']);
    expect(job.state, job.errorMessage ?? '').toBe('done');
    expect(harness.submitsOf(job).map((submit) => (submit.body as { target_sizes: string[] }).target_sizes)).toEqual([['1200x628'], ['1080x1080']]);
  });

  it('sends a folder file at once when the folder is not in review first', async () => {
    harness = await startEngineHarness({ profile: REVIEW_FIRST_PROFILE, folder: { reviewFirst: false } });
    copyFileSync(join(CORPUS, 'Landscape_1.jpg'), join(harness.watched, 'direct.jpg'));
    const job = await harness.waitForJob('direct.jpg', ['awaiting_approval', 'done', 'failed']);
    expect(job.state).toBe('done');
    expect(harness.fake.countSubmits()).toBe(1);
  });
});
