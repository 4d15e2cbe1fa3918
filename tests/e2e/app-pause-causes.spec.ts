import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile, watchNewFolder } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

// Who paused the queue decides what lifts the pause: a saved key lifts fal's refusal of the key, never the
// person's own pause. The real engine and `serve`, a fake fal on loopback.

const SOURCE = join(CORPUS, 'Landscape_1.jpg');
const FAL_SIZES = [{ width: 1080, height: 1080, policy: 'fal' as const }];

test('a refused key pauses the queue until a working key is saved; the person\'s own pause outlasts a saved key', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const inbox = await watchNewFolder(app, 'Key inbox', await createProfile(app, 'Square', FAL_SIZES));
  await app.call('falKey.set', { key: 'not-the-right-key' });
  await openApp(page, app);
  await goTo(page, 'Queue', 'Queue');
  const badge = page.locator('.sidebar-footer');

  copyFileSync(SOURCE, join(inbox, 'refused.jpg'));
  await expect(page.getByText(/fal refused the key.*Saving a working fal key in Settings resumes the queue\./)).toBeVisible({ timeout: 20_000 });
  await expect(badge).toHaveText('Paused · 1 waiting');
  await screenshot(page, 'queue-paused-auth');

  await goTo(page, 'Settings', 'Settings');
  await page.getByPlaceholder('fal key').fill(app.fake.key);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(badge).toHaveText('Online · 0 waiting', { timeout: 20_000 });
  await goTo(page, 'History', 'History');
  await expect(page.locator('.history-row', { hasText: 'refused.jpg' })).toContainText('Done', { timeout: 20_000 });

  await goTo(page, 'Queue', 'Queue');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(badge).toHaveText('Paused · 0 waiting');
  await goTo(page, 'Settings', 'Settings');
  await page.getByPlaceholder('fal key').fill(app.fake.key);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByPlaceholder('fal key')).toHaveValue('');
  expect(await app.call('queue.state')).toMatchObject({ state: 'paused', pauseCause: 'user' });
  await expect(badge).toHaveText('Paused · 0 waiting');
  expect(problems).toEqual([]);
});
