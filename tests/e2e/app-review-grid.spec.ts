import { collectPageProblems, openApp, screenshot } from '../support/e2e/appPage';
import { expect, test } from '../support/e2e/appTest';
import { queueAndWait, runReviewJob } from '../support/e2e/reviewSetup';
import { jobViewLink } from '../../renderer/src/shell/routes';

// The job view against the real serve and engine: every output of a job at its true shape and one scale, the source
// beside it with each locally made size's frame, and the large view at 1:1 against the same region of the source.

/** A square, a wide banner, a tall story and a leaderboard made locally, and a portrait sent to the fake fal. */
const SIZES = [
  { width: 1080, height: 1080, policy: 'local' as const },
  { width: 1200, height: 628, policy: 'local' as const },
  { width: 1080, height: 1920, policy: 'local' as const },
  { width: 728, height: 90, policy: 'local' as const },
  { width: 1080, height: 1350, policy: 'fal' as const },
];

/** What the overflow check reads of a tile in the page (the tests' TypeScript has no DOM types). */
interface MetaRow {
  readonly dataset: { readonly target?: string };
  querySelector(selector: string): { readonly scrollWidth: number; readonly clientWidth: number } | null;
}

test('the job view shows every output at its true shape and one scale, with frames on the source, and opens one large at 1:1', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const { jobId } = await runReviewJob(app, 'Review grid', SIZES);
  const detail = await app.call('jobs.detail', { id: jobId });
  expect(detail.source).toEqual({ width: 600, height: 450 });

  await openApp(page, app, jobViewLink(jobId));
  await expect(page.getByRole('heading', { level: 1, name: 'Landscape_1.jpg' })).toBeVisible();
  const tiles = page.locator('.output-tile .tile-picture');
  await expect(tiles).toHaveCount(SIZES.length);
  for (const output of detail.outputs) {
    const box = await page.locator(`.output-tile[data-target="${output.target}"] .tile-picture`).boundingBox();
    expect(box, output.target).not.toBeNull();
    // The border (2 px each side) is outside the picture's own box.
    const ratio = (box!.width - 4) / (box!.height - 4);
    expect(Math.abs(ratio / (output.width / output.height) - 1), `${output.target} tile ratio ${ratio}`).toBeLessThan(0.02);
  }
  // One scale: a local crop's tile is its window on the source at the source panel's own scale.
  const stage = (await page.getByTestId('source-stage').boundingBox())!;
  const scale = stage.width / detail.source!.width;
  const square = detail.outputs.find((output) => output.target === '1080x1080')!;
  const squareBox = (await page.locator('.output-tile[data-target="1080x1080"] .tile-picture').boundingBox())!;
  expect(Math.abs(squareBox.width - 4 - square.layout!.window.width * scale)).toBeLessThan(2);
  // Frames for the four local sizes, none for fal's recomposition.
  await expect(page.locator('.source-frame')).toHaveCount(4);
  await expect(page.locator('.source-frame[data-target="1080x1350"]')).toHaveCount(0);
  for (const output of detail.outputs.filter((candidate) => candidate.provider === 'local')) {
    expect(output.layout, output.target).not.toBeNull();
    const region = output.layout!.sourceRegion;
    expect(region.left).toBeGreaterThanOrEqual(0);
    expect(region.left + region.width).toBeLessThanOrEqual(600);
    expect(region.top + region.height).toBeLessThanOrEqual(450);
  }
  await page.locator('.output-tile[data-target="1080x1920"] .tile-picture').hover();
  await expect(page.locator('.source-frame.active')).toHaveAttribute('data-target', '1080x1920');
  await expect.poll(async () => page.locator('.output-tile img').count()).toBe(SIZES.length);
  // Each tile's name and buttons fit its column: a narrow shape's buttons spilled under its neighbour's picture.
  const overflowing = await page.locator('.output-tile[data-target]').evaluateAll((tiles) =>
    (tiles as unknown as MetaRow[])
      .filter((tile) => {
        const meta = tile.querySelector('.output-meta');
        return meta !== null && meta.scrollWidth > meta.clientWidth + 1;
      })
      .map((tile) => tile.dataset.target),
  );
  expect(overflowing).toEqual([]);
  await screenshot(page, 'review-grid');

  // Large view: fit, then 1:1 (one image pixel per CSS pixel at this device scale), before and after the same size.
  await page.getByRole('button', { name: 'Open 1200x628 large' }).click();
  const large = page.getByRole('dialog', { name: '1200x628 large' });
  await expect(large.getByAltText('After: the output')).toBeVisible();
  await expect(large.getByAltText('Before: the same region of the source')).toBeVisible();
  await large.getByRole('button', { name: '1:1' }).click();
  const canvas = large.locator('.zoom-canvas');
  await expect.poll(async () => (await canvas.boundingBox())?.width).toBe(1200);
  expect((await canvas.boundingBox())!.height).toBe(628);
  const natural = await large.getByAltText('After: the output').evaluate((image) => {
    const element = image as unknown as { naturalWidth: number; naturalHeight: number };
    return `${element.naturalWidth}x${element.naturalHeight}`;
  });
  expect(natural).toBe('1200x628');
  await large.getByLabel('Before and after').fill('30');
  await screenshot(page, 'review-large-1to1');
  await large.getByRole('button', { name: 'Fit' }).click();
  await screenshot(page, 'review-large-fit');
  await page.keyboard.press('Escape');
  await expect(large).toBeHidden();
  expect(problems).toEqual([]);
});

test('History rows show the outputs’ shapes, and the contact sheet lays out sources by sizes', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const { profileId } = await runReviewJob(app, 'Sheet sizes', SIZES.slice(0, 4));
  await queueAndWait(app, profileId, '../shared/corpus/Landscape_6.jpg');
  await openApp(page, app, '#/history');
  const row = page.locator('.history-row', { hasText: 'Landscape_6.jpg' });
  await expect(row.getByRole('img', { name: 'Outputs: 1080×1080, 1080×1920, 1200×628, 728×90' })).toBeVisible();
  await page.getByRole('link', { name: 'Contact sheet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact sheet' })).toBeVisible();
  const sheet = page.getByRole('table', { name: 'Contact sheet' });
  await expect(sheet.getByRole('columnheader')).toHaveText(['Source', '1080x1080', '1080x1920', '1200x628', '728x90']);
  await expect(sheet.getByRole('row')).toHaveCount(3);
  for (const name of ['Landscape_1.jpg', 'Landscape_6.jpg']) {
    const sheetRow = sheet.getByRole('row').filter({ hasText: name });
    await expect(sheetRow.getByRole('cell')).toHaveCount(4);
    // Each cell's picture has its size's shape.
    const box = (await sheetRow.getByRole('button', { name: `Open ${name} 728x90 large` }).boundingBox())!;
    expect(Math.abs(box.width / box.height - 728 / 90)).toBeLessThan(0.25);
  }
  await expect.poll(async () => sheet.locator('img.sheet-image').count()).toBe(8);
  await screenshot(page, 'review-contact-sheet');
  await sheet.getByRole('button', { name: 'Open Landscape_6.jpg 1080x1920 large' }).click();
  await expect(page.getByRole('dialog', { name: '1080x1920 large' }).getByAltText('After: the output')).toBeVisible();
  expect(problems).toEqual([]);
});
