import { join } from 'node:path';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { dropFilesOn } from '../support/e2e/dropFiles';
import { expect, test } from '../support/e2e/appTest';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

// No fal key, against the real server: the Drop panel says the batch is free on the local engine and why, and an
// output of a size set to fal says it was asked for fal and made locally, in History and through the API.

test('with no fal key the estimate says local and free, and fal sizes come out marked "asked for fal, made locally"', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await app.call('falKey.clear');
  await createProfile(app, 'Meta mix', [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 1200, height: 628, policy: 'local' },
  ]);
  await openApp(page, app);
  await page.locator('.drop-side').getByLabel('Profile').selectOption({ label: 'Meta mix' });
  const estimate = page.locator('.estimate');
  await expect(estimate).toContainText('Free - local engine (no fal key)');
  await expect(estimate).not.toContainText('at fal');
  await expect(page.locator('.size-chip')).toHaveText([/1080×1080\s*fal → local/, /1200×628\s*local/]);
  await dropFilesOn(page.getByRole('button', { name: 'Drop images here, or choose files' }), [join(CORPUS, 'Landscape_1.jpg')]);
  await expect(estimate).toContainText('Free - local engine (no fal key)');
  await screenshot(page, 'drop-no-key');
  await page.getByRole('button', { name: 'Start 1 image' }).click();
  await expect(page.getByText('Queued 1 image.')).toBeVisible();

  await goTo(page, 'History', 'History');
  const row = page.locator('.history-row', { hasText: 'Landscape_1.jpg' });
  await expect(row).toContainText('Done', { timeout: 20_000 });
  await row.click();
  const detail = page.getByRole('complementary', { name: 'Job details' });
  await expect(detail.locator('.output', { hasText: '1080x1080' })).toContainText('asked for fal, made locally');
  await expect(detail.locator('.output', { hasText: '1200x628' })).not.toContainText('asked for fal');
  await expect(detail.locator('.log')).toContainText('1080x1080 was set to fal and made by the local engine: no fal key is set.');
  await detail.locator('.output', { hasText: '1080x1080' }).locator('.output-meta').scrollIntoViewIfNeeded();
  await screenshot(page, 'history-asked-for-fal');

  const [job] = (await app.call('jobs.query', { limit: 5 })).items;
  expect(Object.fromEntries(job!.outputs.map((output) => [output.target, output.askedForFal]))).toEqual({ '1080x1080': true, '1200x628': false });
  expect(app.fake.countSubmits()).toBe(0);
  expect(problems).toEqual([]);
});
