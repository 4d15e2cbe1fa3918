import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile, watchNewFolder } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';

// Issue 10 item 1 against the real serve + engine: a copy of an image already made, under a new name in the
// watched folder, shows in History as "skipped: same image as <first>, done <when>" with a link to the first job,
// counts on the folder card, and "Make anyway" shows the price before it makes a new paid job.

// The corpus is in shared/ beside the checkout (CI lays its copy there too).
const SOURCE = join(import.meta.dirname, '../../../shared/corpus', 'Landscape_1.jpg');

test('a copy of a made image is a skipped History entry with a link, counted on the folder card, made anyway after its price', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const profileId = await createProfile(app, 'Square ads', [{ width: 1080, height: 1080, policy: 'fal' }]);
  const inbox = await watchNewFolder(app, 'Square inbox', profileId);
  await openApp(page, app);

  copyFileSync(SOURCE, join(inbox, 'Landscape_1.jpg'));
  await goTo(page, 'History', 'History');
  const firstRow = page.locator('.history-row', { hasText: 'Landscape_1.jpg' });
  await expect(firstRow).toContainText('Done', { timeout: 20_000 });

  copyFileSync(SOURCE, join(inbox, 'Landscape_1 copy.jpg'));
  const copyRow = page.locator('.history-row', { hasText: 'Landscape_1 copy.jpg' });
  await expect(copyRow).toContainText('Skipped', { timeout: 20_000 });
  await expect(copyRow).toContainText(/skipped: same image as Landscape_1\.jpg, done \w+ \d+, \d{4}/);

  await copyRow.click();
  const detail = page.getByRole('complementary', { name: 'Job details' });
  await expect(detail.getByRole('heading', { name: 'Landscape_1 copy.jpg' })).toBeVisible();
  await expect(detail.locator('.detail-skipped')).toContainText('Nothing was paid for this copy.');
  await detail.getByRole('button', { name: 'Make anyway…' }).click();
  await expect(detail.locator('.detail-skipped .estimate')).toContainText(/\$\d+\.\d\d/);
  await screenshot(page, 'history-skipped');

  // The link opens the first job.
  await detail.getByRole('link', { name: 'Landscape_1.jpg' }).click();
  await expect(detail.getByRole('heading', { name: 'Landscape_1.jpg' })).toBeVisible();

  await goTo(page, 'Folders', 'Watched folders');
  const card = page.locator('.folder-card', { hasText: inbox });
  await expect(card.locator('.counts')).toContainText(/Done\s*1/);
  await expect(card.locator('.counts')).toContainText(/Skipped\s*1/);
  await screenshot(page, 'folders-skipped');

  // Make anyway: a new paid job, done with its own output.
  await goTo(page, 'History', 'History');
  await copyRow.click();
  await detail.getByRole('button', { name: 'Make anyway…' }).click();
  await detail.getByRole('button', { name: 'Make anyway', exact: true }).click();
  await expect(copyRow).toContainText('Done', { timeout: 20_000 });
  await expect(copyRow).toContainText('1 output');
  const jobs = (await app.call('jobs.query', { limit: 10 })).items;
  expect(jobs.map((job) => `${job.sourceName}:${job.state}:${job.outputs.length}`).sort()).toEqual(['Landscape_1 copy.jpg:done:1', 'Landscape_1.jpg:done:1']);
  expect(jobs.every((job) => (job.costCents ?? 0) > 0)).toBe(true);
  expect(problems).toEqual([]);
});
