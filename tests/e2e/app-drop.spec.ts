import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import sharp from 'sharp';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { dropFilesOn } from '../support/e2e/dropFiles';
import { expect, test } from '../support/e2e/appTest';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

// Dropping a file on the page: the browser uploads it into the app's inbox, the engine queues it with the chosen
// profile, and its outputs land in sibling folders of the inbox.

test('an image dropped on the Drop page is uploaded, resized, and written beside the inbox', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await createProfile(app, 'Square and wide', [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 1200, height: 628, policy: 'local' },
  ]);
  await openApp(page, app);
  await expect(page.getByRole('heading', { level: 1, name: 'Drop images' })).toBeVisible();
  await page.locator('.drop-side').getByLabel('Profile').selectOption({ label: 'Square and wide' });
  await expect(page.locator('.size-chip')).toHaveText([/1080×1080\s*fal/, /1200×628\s*local/]);
  await expect(page.getByText(/per image at fal/)).toBeVisible();

  await dropFilesOn(page.getByRole('button', { name: 'Drop images here, or choose files' }), [join(CORPUS, 'Landscape_1.jpg')]);
  await expect(page.locator('.staged-list')).toContainText('Landscape_1.jpg');
  await expect(page.getByText(/for 1 image at fal/)).toBeVisible();
  await screenshot(page, 'drop');
  await page.getByRole('button', { name: 'Start 1 image' }).click();
  await expect(page.getByText('Queued 1 image.')).toBeVisible();

  await goTo(page, 'History', 'History');
  const row = page.locator('.history-row', { hasText: 'Landscape_1.jpg' });
  await expect(row).toContainText('Done', { timeout: 20_000 });
  await expect(row).toContainText('2 outputs');

  // The upload went to <data>/inbox and the outputs to <data>/inbox-<W>x<H>/, exact sizes.
  const [job] = (await app.call('jobs.query', { limit: 10 })).items;
  const inbox = join(app.dataDir, 'inbox');
  expect(dirname(job!.sourcePath)).toBe(inbox);
  expect(job!.outputs.map((output) => output.target).sort()).toEqual(['1080x1080', '1200x628']);
  for (const output of job!.outputs) {
    expect(dirname(output.path)).toBe(join(app.dataDir, `${basename(inbox)}-${output.target}`));
    expect(existsSync(output.path)).toBe(true);
    const { width, height } = await sharp(output.path).metadata();
    expect(`${width}x${height}`).toBe(output.target);
  }
  expect(problems).toEqual([]);
});
