import type { Page } from '@playwright/test';
import { collectPageProblems, goTo, loadedImages, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';
import { stageImages } from '../support/e2e/imageWaves';
import { seedHistory } from '../support/e2e/seedHistory';
import { falChargesFromFake } from '../support/e2e/spendEvidence';
import { formatCents } from '../../renderer/src/ui/format';

// History against the real `serve` and engine with the fake fal: a history of 400 finished jobs written through
// the store before the server starts, plus jobs the engine runs during the test (a retry, an all-local job, a
// cancel), so every fact the page shows comes from the real store, DTOs and events.

const SEEDED = 400;
test.use({ appOptions: { seed: async (root, dataDir) => void (await seedHistory(root, dataDir, SEEDED, 4)) } });

/** The scrolling part of an element (the node typings here have no DOM lib). */
type Scrollable = { scrollTop: number; scrollHeight: number };

/** The width each visible row gives its file name, in CSS pixels. */
async function nameWidths(page: Page): Promise<number[]> {
  return page.getByTestId('history-scroller').locator('.history-row .history-name .job-name').evaluateAll((names) =>
    names.map((name) => (name as unknown as { getBoundingClientRect(): { width: number } }).getBoundingClientRect().width),
  );
}

test('History pages through hundreds of real jobs, filters them, and a retry from the detail runs to done with true facts', async ({ page, app }) => {
  test.setTimeout(90_000);
  const problems = collectPageProblems(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, app);
  await goTo(page, 'History', 'History');
  const scroller = page.getByTestId('history-scroller');
  await expect(scroller.locator('.history-row').first()).toBeVisible();
  // Only the rows in view exist in the page; scrolling to the end fetches the later pages from the server.
  expect(await scroller.locator('.history-row').count()).toBeLessThan(60);
  await expect
    .poll(async () => {
      await scroller.evaluate((element) => {
        const box = element as unknown as Scrollable;
        box.scrollTop = box.scrollHeight;
      });
      return scroller.evaluate((element) => (element as unknown as Scrollable).scrollHeight);
    }, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(SEEDED * 64);
  await scroller.evaluate((element) => void ((element as unknown as Scrollable).scrollTop = 0));

  await page.getByLabel('Status').selectOption('failed');
  const failedRow = scroller.locator('.history-row').first();
  await expect(failedRow).toContainText('Failed');
  await failedRow.click();
  const detail = page.getByRole('complementary', { name: 'Job details' });
  await expect(detail.getByText(/Failed:.*flagged by a content checker/)).toBeVisible();
  await expect(detail.getByTestId('attempts')).toHaveText('1');
  await screenshot(page, 'history-failed');

  // Retry: the engine sends it to the fake fal this time, and the detail follows it to done.
  await detail.getByRole('button', { name: 'Retry' }).click();
  await expect(detail.getByText('You asked for a retry.')).toBeVisible();
  await expect(detail.locator('.badge', { hasText: 'Done' }).first()).toBeVisible({ timeout: 30_000 });
  await expect(detail.getByTestId('attempts')).toHaveText('2');
  await expect(detail.getByTestId('made-by')).toHaveText('fal');
  const charged = falChargesFromFake(app.fake).reduce((sum, charge) => sum + charge.cents, 0);
  expect(charged).toBeGreaterThan(0);
  await expect(detail.getByTestId('cost')).toHaveText(formatCents(charged));
  await expect(detail.getByTestId('took')).toHaveText(/^\d+s$/);
  await expect(detail.getByText('All outputs written.')).toBeVisible();
  await expect(detail.locator('.log')).not.toContainText(/Done done|Writing writing|job state/i);
  await expect.poll(async () => (await loadedImages(detail)).filter((image) => image.dataUrl && image.naturalWidth > 0).length, { timeout: 20_000 }).toBe(3);
  await screenshot(page, 'history-retried-1280');

  // At 1024x640 with the job open, the rows keep their file names.
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.getByLabel('Status').selectOption('all');
  await expect(scroller.locator('.history-row').first()).toBeVisible();
  await expect.poll(async () => Math.min(...(await nameWidths(page)))).toBeGreaterThanOrEqual(90);
  await screenshot(page, 'history-detail-1024');
  expect(problems).toEqual([]);
});

test('the detail of an all-local job says local and Free; a cancelled job lists only what it wrote before the cancel', async ({ page, app }) => {
  test.setTimeout(90_000);
  const problems = collectPageProblems(page);
  // `auto` sizes a cover crop of the 4:3 sources keeps whole: recorded "mixed" (a key is set), made all locally.
  const autoProfile = await createProfile(app, 'Auto crops', [
    { width: 320, height: 240, policy: 'auto' },
    { width: 400, height: 300, policy: 'auto' },
  ]);
  const autoFolder = app.makeFolder('Auto');
  await app.call('folders.add', { path: autoFolder, profileId: autoProfile, trusted: true });
  (await stageImages(app, autoFolder, 'local', [5]))();

  // fal holds the cancelled job's request (60 s), so its local size is written and its fal size never is.
  app.fake.stallNext('status', { times: 1000 });
  const halfProfile = await createProfile(app, 'Half local', [
    { width: 300, height: 300, policy: 'local' },
    { width: 1080, height: 1080, policy: 'fal' },
  ]);
  const halfFolder = app.makeFolder('Half');
  await app.call('folders.add', { path: halfFolder, profileId: halfProfile, trusted: true });
  (await stageImages(app, halfFolder, 'cancel', [6]))();

  await openApp(page, app);
  await goTo(page, 'Queue', 'Queue');
  const row = page.locator('.job-row', { hasText: 'cancel-6.jpg' });
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50', { timeout: 20_000 });
  await row.getByRole('button', { name: 'Cancel cancel-6.jpg' }).click();
  await expect(row).toBeHidden();

  await goTo(page, 'History', 'History');
  const scroller = page.getByTestId('history-scroller');
  const cancelledRow = scroller.locator('.history-row', { hasText: 'cancel-6.jpg' });
  await expect(cancelledRow).toContainText('Cancelled');
  await expect(cancelledRow).toContainText('1 output kept');
  await cancelledRow.click();
  const detail = page.getByRole('complementary', { name: 'Job details' });
  await expect(detail.getByRole('heading', { name: '1 output written before the cancel' })).toBeVisible();
  await expect(detail.locator('.output')).toHaveCount(1);
  await expect(detail.getByText('You cancelled it.')).toBeVisible();
  await screenshot(page, 'history-cancelled');

  const localRow = scroller.locator('.history-row', { hasText: 'local-5.jpg' });
  await expect(localRow).toContainText('Done', { timeout: 20_000 });
  await localRow.click();
  await expect(detail.getByRole('heading', { name: 'local-5.jpg' })).toBeVisible();
  await expect(detail.getByTestId('made-by')).toHaveText('local');
  await expect(detail.getByTestId('cost')).toHaveText('Free');
  await expect(detail.getByTestId('attempts')).toHaveText('1');
  // Only the half-local job reached fal.
  expect(app.fake.countSubmits()).toBe(1);
  await screenshot(page, 'history-local');
  expect(problems).toEqual([]);
});
