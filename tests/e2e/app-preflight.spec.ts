import { join } from 'node:path';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { dropFilesOn } from '../support/e2e/dropFiles';
import { expect, test } from '../support/e2e/appTest';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

// Issue 12 against the real `serve` and engine: a profile made from the IAB preset (plus a Reels placement and a
// weight budget no photo can meet), a drop, preflight badges in History, a failing check explained on click, and
// the safe-zone overlay drawn on the Reels output.

test('a profile from the IAB preset, a drop, preflight badges, a failing check explained, the safe zone drawn', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await openApp(page, app);
  await goTo(page, 'Profiles', 'Profiles');
  await page.getByLabel('New from preset').selectOption({ label: 'IAB display (6 sizes)' });
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('IAB display (copy)');
  await expect(page.getByText(/IAB · Medium Rectangle \(iab-300x250\): up to 150 KB/)).toBeVisible();
  await page.getByLabel('New size').fill('meta-reels');
  await page.getByRole('button', { name: 'Add size' }).click();
  await expect(page.getByText(/Reels 9:16 .*\(meta-reels\)/)).toBeVisible();
  await page.getByLabel('Weight budget (KB)').fill('3');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();

  await goTo(page, 'Drop', 'Drop images');
  await page.locator('.drop-side').getByLabel('Profile').selectOption({ label: 'IAB display (copy)' });
  await dropFilesOn(page.getByRole('button', { name: 'Drop images here, or choose files' }), [join(CORPUS, '2569067123_aca715a2ee_o.jpg')]);
  await page.getByRole('button', { name: 'Start 1 image' }).click();

  await goTo(page, 'History', 'History');
  const row = page.locator('.history-row', { hasText: '2569067123_aca715a2ee_o.jpg' });
  await expect(row).toContainText('Done', { timeout: 60_000 });
  await expect(row.locator('.preflight-summary')).toHaveText('problem');
  await expect(row.locator('.preflight-summary')).toBeVisible();
  await screenshot(page, 'preflight-history');
  await row.click();

  const detail = page.getByRole('complementary', { name: 'Job details' });
  const banner = detail.locator('.output', { hasText: '300x250' });
  await banner.getByRole('button', { name: /^Preflight of 300x250: \d problems? for iab-300x250/ }).click();
  const checks = banner.getByRole('list', { name: 'Preflight checks of 300x250' });
  await expect(checks).toContainText('File weight');
  await expect(checks).toContainText(/KB is over the 3\.0 KB limit; the upload would be refused\. Even the smallest encoding tried/);
  await expect(checks).toContainText('Pixels');

  const reels = detail.locator('.output', { hasText: '1080x1920' });
  await reels.getByRole('button', { name: 'Show safe zone' }).click();
  const overlay = reels.getByTestId('safe-zone-overlay');
  await expect(overlay).toBeVisible();
  const [zone, box] = await Promise.all([overlay.boundingBox(), reels.locator('.tile-image').boundingBox()]);
  // Drawn on the 9:16 picture itself.
  expect(zone!.height).toBeCloseTo(box!.height, 0);
  expect(zone!.width / zone!.height).toBeCloseTo(1080 / 1920, 2);
  await reels.scrollIntoViewIfNeeded();
  await screenshot(page, 'preflight-safe-zone');
  await banner.scrollIntoViewIfNeeded();
  await screenshot(page, 'preflight-checks');

  await goTo(page, 'Spend', 'Spend');
  await expect(page.getByTestId('preflight-counts')).toContainText('outputs passed preflight on first write');
  expect(problems).toEqual([]);
});
