import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { formatCents } from '../../electron/engine/pricing/formatCents';
import { localDayKey } from '../../electron/engine/spend/spendPeriods';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile, watchNewFolder } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';
import type { ProfileSize } from '../../electron/shared';
import { allLedgerRows, falChargesFromFake, landImages, parseCsv, sumBy } from '../support/e2e/spendEvidence';

// Spend end to end: images land in hot folders, the real engine sends them to the fake fal, and the Spend page's
// figures are checked against the ledger (spend.ledger), and the ledger against fal's price list applied to what the
// fake rendered. Budgets are set in Settings like a person would, and held work is handled from the banner.

// Flat outputs: the 4K renders cost the shared CPU little, and the tier fal reports does not depend on the pixels.
test.use({ appOptions: { fake: { renderMode: 'flat', latency: { processingMs: 200, concurrency: 4 } } } });

/** How far the window itself scrolls, in CSS pixels (0 when only the page column scrolls). */
function windowOverflow(page: Page): Promise<number> {
  // Page code as text: the tests' typings have no DOM lib.
  return page.evaluate('document.scrollingElement.scrollHeight - window.innerHeight') as Promise<number>;
}

/** Waits until the server has no pending job left and answers every job. */
async function allJobsSettled(app: Parameters<typeof landImages>[0], count: number) {
  await expect
    .poll(async () => (await app.call('jobs.query', { limit: 100 })).items.filter((job) => ['done', 'failed', 'cancelled'].includes(job.state)).length, {
      timeout: 30_000,
    })
    .toBe(count);
  return (await app.call('jobs.query', { limit: 100 })).items;
}

test('the Spend page shows the ledger to the cent: caps, chart by day, breakdowns, costliest jobs and CSV', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  // Two profiles whose requests cover several tiers and image counts: 1080² is a 2K render, 2100² a 4K one
  // (priced double), 800x1000 a 1K one asked twice. 320x240 is `auto` and the sources are 4:3, so the local engine
  // makes it for free and the ledger records what fal would have charged as a saving.
  const [preset] = await app.call('profiles.presets');
  const profile = (name: string, numImagesPerSize: number, sizes: ProfileSize[]) =>
    app.call('profiles.create', { draft: { ...preset!.draft, name, sizes, fal: { ...preset!.draft.fal, resolution: '1K', numImagesPerSize } } });
  const squares = await profile('Square tiers', 1, [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 2100, height: 2100, policy: 'fal' },
    { width: 320, height: 240, policy: 'auto' },
  ]);
  const story = await profile('Story pair', 2, [{ width: 800, height: 1000, policy: 'fal' }]);
  const shop = await watchNewFolder(app, 'Shop', squares.id);
  const social = await watchNewFolder(app, 'Social', story.id);
  await landImages(app, shop, [1, 2], 'shop');
  await landImages(app, social, [3], 'social');
  const jobs = await allJobsSettled(app, 3);
  expect(jobs.map((job) => job.state)).toEqual(['done', 'done', 'done']);

  // The ledger against fal's prices over what the fake rendered, request by request.
  const ledger = await allLedgerRows(app);
  const charges = ledger.filter((row) => row.kind === 'charge');
  const fromFake = falChargesFromFake(app.fake);
  expect(fromFake.flatMap((charge) => charge.tiers).sort()).toEqual(['1K', '2K', '2K', '4K', '4K']);
  expect(sumBy(charges, (row) => row.requestId ?? 'none')).toEqual(sumBy(fromFake, (charge) => charge.requestId));
  const total = charges.reduce((sum, row) => sum + row.cents, 0);
  const summary = await app.call('spend.summary', {});
  expect(summary.totalCents).toBe(total);
  expect(summary.outputs).toBe(charges.reduce((sum, row) => sum + row.images, 0));
  const savings = ledger.filter((row) => row.kind === 'saving');
  expect(savings.map((row) => row.sourceName).sort()).toEqual(['shop-1.jpg', 'shop-2.jpg']);
  expect(summary.savingsCents).toBe(savings.reduce((sum, row) => sum + row.cents, 0));
  expect(summary.savingsCents).toBeGreaterThan(0);

  await openApp(page, app);
  await goTo(page, 'Spend', 'Spend');
  // Headline numbers, formatted by the engine's own formatter from the ledger's sum.
  await expect(page.getByTestId('spend-total')).toHaveText(formatCents(total));
  await expect(page.getByTestId('spend-outputs')).toHaveText(summary.outputs.toLocaleString('en-US'));
  await expect(page.getByTestId('spend-per-output')).toHaveText(formatCents(Math.round(total / summary.outputs)));
  await expect(page.getByTestId('spend-reserved')).toHaveText('$0.00');
  await expect(page.getByTestId('spend-savings')).toContainText(`the local engine saved you ${formatCents(summary.savingsCents)}`);
  await expect(page.getByTestId('spend-may-be-billed')).toBeHidden();
  for (const period of ['Today', 'This week', 'This month']) {
    const meter = page.getByRole('region', { name: period });
    await expect(meter).toContainText(formatCents(total));
    await expect(meter).toContainText('No cap');
  }

  // The chart's numbers (its table) are the ledger grouped by local day, and the bar's tooltip says the same.
  const byDay = sumBy(charges, (row) => localDayKey(row.at));
  const table = page.getByRole('table', { name: 'Spend by day, as a table' });
  const tableDays = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [(row as unknown as { dataset: Record<string, string> }).dataset.day, Number((row as unknown as { dataset: Record<string, string> }).dataset.cents)]),
  );
  expect(Object.fromEntries(tableDays)).toEqual(byDay);
  for (const [day, cents] of Object.entries(byDay)) await expect(table.locator(`tr[data-day="${day}"] td`)).toHaveText(formatCents(cents));
  const bars = page.locator('.spend-chart .recharts-bar-rectangle path');
  await expect(bars).toHaveCount(Object.keys(byDay).length);
  await bars.last().hover();
  await expect(page.locator('.recharts-tooltip-wrapper')).toContainText(formatCents(byDay[localDayKey(Date.now())]!));

  // Breakdowns by profile and by folder, each line the ledger's sum for it.
  const readBreakdown = (name: string) =>
    page.getByRole('list', { name }).locator('li').evaluateAll((items) =>
      items.map((item) => [(item as unknown as { querySelector(selector: string): { textContent: string } }).querySelector('.breakdown-label').textContent, Number((item as unknown as { dataset: Record<string, string> }).dataset.cents)]),
    );
  expect(Object.fromEntries(await readBreakdown('Spend by profile'))).toEqual(sumBy(charges, (row) => row.profileName));
  expect(Object.fromEntries(await readBreakdown('Spend by folder'))).toEqual({
    Shop: sumBy(charges, (row) => row.folderId ?? '')[jobs.find((job) => job.sourceName.startsWith('shop'))!.folderId!],
    Social: sumBy(charges, (row) => row.folderId ?? '')[jobs.find((job) => job.sourceName.startsWith('social'))!.folderId!],
  });
  await expect(page.getByRole('list', { name: 'Spend by profile' })).toContainText(formatCents(sumBy(charges, (row) => row.profileName)['Square tiers']!));

  // Costliest jobs, most first, each a link into History that opens the job.
  const costliest = page.getByRole('list', { name: 'Most expensive jobs' }).locator('li');
  const perJob = Object.entries(sumBy(charges, (row) => row.sourceName)).sort((a, b) => b[1] - a[1]);
  await expect(costliest).toHaveCount(perJob.length);
  await expect(costliest.first()).toContainText(formatCents(perJob[0]![1]));
  await expect(costliest.last()).toContainText(perJob.at(-1)![0]);
  await screenshot(page, 'spend-totals');
  await costliest.last().scrollIntoViewIfNeeded();
  await screenshot(page, 'spend-breakdowns');

  // The page scrolls inside its own column; the window itself never does (the chart's screen-reader table is
  // positioned, and must not hang below the window), at a laptop's size and at a small one.
  for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 640 }]) {
    await page.setViewportSize(size);
    await expect.poll(() => windowOverflow(page), { message: `window overflow at ${size.width}x${size.height}` }).toBe(0);
    await screenshot(page, `spend-${size.width}`);
  }
  await page.setViewportSize({ width: 1360, height: 860 });

  // CSV export: a real download whose charge rows sum to the total.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  const [header, ...lines] = parseCsv(readFileSync((await file.path())!, 'utf8'));
  const kind = header!.indexOf('kind');
  const cents = header!.indexOf('cents');
  const csvCharges = lines.filter((line) => line[kind] === 'charge');
  expect(csvCharges).toHaveLength(charges.length);
  expect(csvCharges.reduce((sum, line) => sum + Number(line[cents]), 0)).toBe(total);

  await costliest.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  const detail = page.getByRole('complementary', { name: 'Job details' });
  await expect(detail.getByRole('heading', { name: perJob[0]![0] })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search file names' })).toHaveValue(perJob[0]![0]);
  expect(problems).toEqual([]);
});

test('a tiny daily cap set in Settings holds jobs with its reason; raising it lets them finish', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const profileId = await createProfile(app, 'Square', [{ width: 1080, height: 1080, policy: 'fal' }]);
  const inbox = await watchNewFolder(app, 'Capped', profileId);
  await openApp(page, app);
  await goTo(page, 'Settings', 'Settings');
  const dailyCap = page.getByRole('textbox', { name: 'Daily cap', exact: true });

  // Validation at the field, before anything is saved.
  await dailyCap.fill('ten cents');
  await dailyCap.blur();
  await expect(page.getByText('Enter dollars like 25 or 12.50')).toBeVisible();
  await page.getByRole('button', { name: 'Save budget' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'spend-budget-invalid');
  await dailyCap.fill('0.10');
  await page.getByRole('textbox', { name: `Monthly cap for ${inbox}` }).fill('40');
  await page.getByRole('button', { name: 'Save budget' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  expect(await app.call('budget.get')).toMatchObject({ dailyCapCents: 10, monthlyCapCents: null, folderCaps: [{ capCents: 4000 }] });

  await landImages(app, inbox, [11, 12], 'capped');
  const banner = page.getByRole('region', { name: 'Work waiting for you' });
  await expect(banner).toContainText('2 jobs waiting for budget: Daily budget $0.10 reached', { timeout: 15_000 });
  const held = await app.call('spend.held');
  expect(held.cap).toEqual({ jobs: 2, reason: 'Daily budget $0.10 reached: $0.00 spent; $0.10 left, the next request may cost up to $0.35' });
  expect(app.fake.countSubmits()).toBe(0);
  await goTo(page, 'Queue', 'Queue');
  await expect(page.locator('.job-row', { hasText: 'capped-11.jpg' })).toContainText('Waiting for budget');
  await screenshot(page, 'spend-held-cap');

  await goTo(page, 'Folders', 'Watched folders');
  await expect(page.locator('.folder-card', { hasText: inbox })).toContainText('cap $40.00 a month');

  await banner.getByRole('link', { name: 'Raise the cap' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await dailyCap.fill('5');
  await page.getByRole('button', { name: 'Save budget' }).click();
  await expect(banner).toBeHidden({ timeout: 20_000 });
  const jobs = await allJobsSettled(app, 2);
  expect(jobs.map((job) => job.state)).toEqual(['done', 'done']);

  const charges = (await allLedgerRows(app)).filter((row) => row.kind === 'charge');
  const total = charges.reduce((sum, row) => sum + row.cents, 0);
  expect(total).toBe(falChargesFromFake(app.fake).reduce((sum, charge) => sum + charge.cents, 0));
  expect(total).toBeLessThanOrEqual(500);
  await goTo(page, 'Spend', 'Spend');
  const today = page.getByRole('region', { name: 'Today' });
  await expect(today).toContainText(formatCents(total));
  await expect(today).toContainText(`of $5.00 cap · ${formatCents(500 - total)} left`);
  await expect(page.getByRole('progressbar', { name: 'Today against its cap' })).toHaveAttribute('aria-valuenow', String(Math.round((total / 500) * 100)));
  await screenshot(page, 'spend-after-cap');
  expect(problems).toEqual([]);
});

test('a burst into a hot folder waits for the go-ahead; Discard sends nothing; a trusted folder never asks', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  // The `auto` size may or may not go to fal, so the burst's price is a range.
  const profileId = await createProfile(app, 'Square', [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 320, height: 240, policy: 'auto' },
  ]);
  const inbox = await watchNewFolder(app, 'Camera dump', profileId);
  await openApp(page, app);
  await goTo(page, 'Settings', 'Settings');
  await page.getByRole('spinbutton', { name: 'Burst files' }).fill('2');
  await page.getByRole('spinbutton', { name: 'Burst window in minutes' }).fill('10');
  await page.getByRole('button', { name: 'Save budget' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();

  // Paused, so no file of the burst is claimed before the third one arrives and the whole burst is held.
  await app.call('queue.pause');
  await landImages(app, inbox, [21, 22, 23], 'burst');
  await goTo(page, 'Drop', 'Drop images');
  const burstRow = page.getByRole('group', { name: 'Held burst: 3 files from Camera dump' });
  await expect(burstRow).toBeVisible({ timeout: 15_000 });
  const [burst] = (await app.call('spend.held')).burst;
  expect(burst).toMatchObject({ jobs: 3 });
  expect(burst!.minCents).toBeLessThan(burst!.maxCents);
  await expect(burstRow).toContainText(`3 files from Camera dump are waiting for your go-ahead (${formatCents(burst!.minCents)} – ${formatCents(burst!.maxCents)} at fal)`);
  await app.call('queue.resume');
  await screenshot(page, 'spend-burst');
  expect(app.fake.countSubmits()).toBe(0);

  await burstRow.getByRole('button', { name: 'Go ahead' }).click();
  await expect(burstRow).toBeHidden();
  expect((await allJobsSettled(app, 3)).map((job) => job.state)).toEqual(['done', 'done', 'done']);
  expect(app.fake.countSubmits()).toBe(3);

  // A second burst, discarded: its jobs are cancelled and fal never hears of them.
  await app.call('queue.pause');
  await landImages(app, inbox, [24, 25, 26], 'second');
  const second = page.getByRole('group', { name: 'Held burst: 3 files from Camera dump' });
  await expect(second).toBeVisible({ timeout: 15_000 });
  // Files that join a held burst are counted everywhere: the toast says what the banner says (not "3 held" beside
  // "5 files").
  await landImages(app, inbox, [30, 31], 'late');
  const grown = page.getByRole('group', { name: 'Held burst: 5 files from Camera dump' });
  await expect(grown).toBeVisible({ timeout: 15_000 });
  const toast = page.getByTestId('notice-toast').filter({ hasText: 'burst' });
  await expect(toast).toHaveCount(1);
  await expect(toast).toContainText('5 files are held');
  await screenshot(page, 'spend-burst-grown');
  await app.call('queue.resume');
  await grown.getByRole('button', { name: 'Discard' }).click();
  await expect(grown).toBeHidden();
  const afterDiscard = await allJobsSettled(app, 8);
  const discarded = afterDiscard.filter((job) => job.sourceName.startsWith('second') || job.sourceName.startsWith('late'));
  expect(discarded.map((job) => job.state)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
  expect(app.fake.countSubmits()).toBe(3);

  // Marked trusted on the Folders page, the same burst runs without asking.
  await goTo(page, 'Folders', 'Watched folders');
  await page.getByRole('button', { name: `Edit ${inbox}` }).click();
  await page.getByLabel('Trusted').check();
  await page.getByRole('button', { name: 'Save folder' }).click();
  await expect(page.locator('.folder-card', { hasText: inbox })).toContainText('trusted');
  await landImages(app, inbox, [27, 28, 29], 'trusted');
  const all = await allJobsSettled(app, 11);
  expect(all.filter((job) => job.sourceName.startsWith('trusted')).map((job) => job.state)).toEqual(['done', 'done', 'done']);
  expect(app.fake.countSubmits()).toBe(6);
  await expect(page.getByRole('region', { name: 'Work waiting for you' })).toBeHidden();
  await expect(page.locator('.folder-card', { hasText: inbox }).locator('.counts')).toContainText(/Done\s*6/);
  await screenshot(page, 'spend-folders-trusted');
  expect(problems).toEqual([]);
});
