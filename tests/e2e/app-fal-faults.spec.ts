import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile, watchNewFolder } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

// What a person sees when fal is unreachable or refuses an image, with the real engine and a fake fal on loopback.

const SOURCE = join(CORPUS, 'Landscape_1.jpg');
const FAL_SIZES = [{ width: 1080, height: 1080, policy: 'fal' as const }];

test('with fal unreachable the job waits for the network under an offline badge, then finishes when fal is back', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const inbox = await watchNewFolder(app, 'Offline inbox', await createProfile(app, 'Square', FAL_SIZES));
  await openApp(page, app);
  await goTo(page, 'Queue', 'Queue');
  const badge = page.locator('.sidebar-footer');
  await expect(badge).toHaveText('Online · 0 waiting');

  // The app notices fal is gone before the file arrives, so the new job must be parked, not left queued.
  await app.fake.stop();
  await expect(badge).toHaveText('Offline · 0 waiting');
  copyFileSync(SOURCE, join(inbox, 'offline-shot.jpg'));
  const row = page.locator('.job-row', { hasText: 'offline-shot.jpg' });
  await expect(row.getByText('Waiting for network')).toBeVisible();
  await expect(badge).toHaveText('Offline · 1 waiting');
  await expect(page.getByTestId('batch-time-left')).toHaveText(/^Blocked: offline — /);
  await screenshot(page, 'queue-offline');

  await app.fake.start();
  await expect(row).toBeHidden({ timeout: 20_000 });
  await expect(badge).toHaveText('Online · 0 waiting');
  await goTo(page, 'History', 'History');
  await expect(page.locator('.history-row', { hasText: 'offline-shot.jpg' })).toContainText('Done');
  expect(problems).toEqual([]);
});

test("a job fal refuses (422) shows fal's reason in History, and Retry runs it to done", async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const inbox = await watchNewFolder(app, 'Flagged inbox', await createProfile(app, 'Square', FAL_SIZES));
  app.fake.failNextJob({ kind: 'error', type: 'content_policy_violation' });
  await openApp(page, app, '#/history');
  copyFileSync(SOURCE, join(inbox, 'flagged.jpg'));

  const row = page.locator('.history-row', { hasText: 'flagged.jpg' });
  await expect(row).toContainText('Failed', { timeout: 20_000 });
  await row.click();
  const detail = page.getByRole('complementary', { name: 'Job details' });
  const failure = detail.locator('.detail-error');
  await expect(failure).toContainText('Failed:');
  await expect(failure).toContainText('flagged by a content checker');
  await expect(failure).not.toContainText('Unprocessable Entity');
  await screenshot(page, 'history-failed');

  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(detail.locator('.detail-source .badge')).toHaveText('Done', { timeout: 20_000 });
  await expect(detail.locator('.detail-error')).toBeHidden();
  await expect(detail.locator('.output')).toHaveCount(1);
  await expect(row).toContainText('Done');
  expect(app.fake.countSubmits()).toBe(2);
  expect(problems).toEqual([]);
});
