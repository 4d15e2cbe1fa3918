import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ProfileSize } from '../../electron/shared';
import { collectPageProblems, openApp, screenshot } from '../support/e2e/appPage';
import type { AppServer } from '../support/e2e/appServer';
import { expect, test } from '../support/e2e/appTest';
import { queueAndWait } from '../support/e2e/reviewSetup';
import { jobViewLink } from '../../renderer/src/shell/routes';

// fal variants against the real serve and engine, the fake fal making 3 images per size (each a little brighter):
// the large view shows them side by side; choosing one writes exactly its bytes at the output path and moves the
// one the file held into variants/ (or nowhere with `discard`); A/B naming delivers each as its own file. Free.

const PHOTO = '../shared/corpus/Landscape_1.jpg';
const SIZES: ProfileSize[] = [
  { width: 1080, height: 1350, policy: 'fal' },
  { width: 1080, height: 1080, policy: 'local' },
];

async function variantsJob(app: AppServer, name: string, variants: { keep: 'subfolder' | 'discard'; naming: 'choose' | 'ab' }) {
  const base = (await app.call('profiles.presets'))[0]!.draft;
  const profile = await app.call('profiles.create', { draft: { ...base, name, sizes: SIZES, output: { format: 'jpeg', quality: 85 }, fal: { ...base.fal, numImagesPerSize: 3, variants } } });
  const { jobId } = await queueAndWait(app, profile.id, PHOTO);
  return { jobId, detail: await app.call('jobs.detail', { id: jobId }) };
}

const bytesOf = (dataUrl: string) => Buffer.from(dataUrl.split(',')[1]!, 'base64');

test('the large view shows a size’s fal variants side by side; using one writes exactly its bytes, the others wait in variants/', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const { jobId, detail } = await variantsJob(app, 'Variants A', { keep: 'subfolder', naming: 'choose' });
  const portrait = detail.outputs.find((output) => output.target === '1080x1350')!;
  const square = detail.outputs.find((output) => output.target === '1080x1080')!;
  const spareDir = join(dirname(portrait.path), 'variants');
  const stem = basename(portrait.path, '.jpg');
  expect(readdirSync(spareDir).sort()).toEqual([`${stem}_B.jpg`, `${stem}_C.jpg`]);
  const variantBytes = await Promise.all([0, 1, 2].map(async (variant) => bytesOf((await app.call('review.variantImage', { jobId, target: '1080x1350', variant })).dataUrl)));
  expect(readFileSync(portrait.path).equals(variantBytes[0]!)).toBe(true);
  const squareBytes = readFileSync(square.path);
  const spendBefore = await app.call('spend.summary');

  await openApp(page, app, jobViewLink(jobId));
  await page.getByRole('button', { name: 'Open 1080x1350 large' }).click();
  const large = page.getByRole('dialog', { name: '1080x1350 large' });
  const picker = large.getByRole('region', { name: 'Variants' });
  await expect(picker.getByRole('figure')).toHaveCount(3);
  for (const letter of ['A', 'B', 'C']) await expect(picker.getByRole('img', { name: `1080x1350 variant ${letter}` })).toBeVisible();
  // Side by side: one row, left to right.
  const boxes = await Promise.all(['A', 'B', 'C'].map(async (letter) => (await picker.getByRole('figure', { name: `Variant ${letter}` }).boundingBox())!));
  expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
  expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x);
  expect(Math.abs(boxes[0]!.y - boxes[2]!.y)).toBeLessThan(2);
  await expect(picker.getByRole('figure', { name: 'Variant A' })).toContainText('In the file');
  await screenshot(page, 'review-variants');

  await picker.getByRole('button', { name: 'Use B' }).click();
  await expect.poll(() => readFileSync(portrait.path).equals(variantBytes[1]!), { timeout: 20_000 }).toBe(true);
  await expect(picker.getByRole('figure', { name: 'Variant B' })).toContainText('In the file');
  expect(readdirSync(spareDir).sort()).toEqual([`${stem}_A.jpg`, `${stem}_C.jpg`]);
  expect(readFileSync(join(spareDir, `${stem}_A.jpg`)).equals(variantBytes[0]!)).toBe(true);
  expect(readFileSync(join(spareDir, `${stem}_C.jpg`)).equals(variantBytes[2]!)).toBe(true);
  expect(readFileSync(square.path).equals(squareBytes)).toBe(true);
  await expect(large.getByRole('region', { name: 'Versions' })).toContainText('variant chosen');
  expect(await app.call('spend.summary')).toEqual(spendBefore);
  await screenshot(page, 'review-variant-chosen');
  await large.getByRole('button', { name: 'Close 1080x1350 large' }).click();

  // History and the contact sheet show the sizes once each: the chosen variant is the size's output.
  await openApp(page, app, '#/history');
  const row = page.locator('.history-row', { hasText: 'Landscape_1.jpg' });
  await expect(row.getByRole('img', { name: 'Outputs: 1080×1080, 1080×1350' })).toBeVisible();
  await expect(row).toContainText('2 outputs');
  await expect(row).toContainText('$0.50');
  await page.getByRole('link', { name: 'Contact sheet' }).click();
  const sheet = page.getByRole('table', { name: 'Contact sheet' });
  await expect(sheet.getByRole('columnheader')).toHaveCount(3);
  await expect(sheet.getByRole('row')).toHaveCount(2);
  await expect.poll(async () => sheet.locator('img.sheet-image').count()).toBe(2);
  expect(problems).toEqual([]);
});

test('with discard the variants are not kept beside the outputs; with A/B naming each is its own file', async ({ page, app }) => {
  const discard = await variantsJob(app, 'Variants discard', { keep: 'discard', naming: 'choose' });
  const portrait = discard.detail.outputs.find((output) => output.target === '1080x1350')!;
  expect(existsSync(join(dirname(portrait.path), 'variants'))).toBe(false);
  const c = bytesOf((await app.call('review.variantImage', { jobId: discard.jobId, target: '1080x1350', variant: 2 })).dataUrl);
  await app.call('review.pickVariant', { jobId: discard.jobId, target: '1080x1350', variant: 2 });
  expect(readFileSync(portrait.path).equals(c)).toBe(true);
  expect(existsSync(join(dirname(portrait.path), 'variants'))).toBe(false);

  const ab = await variantsJob(app, 'Variants AB', { keep: 'subfolder', naming: 'ab' });
  const names = ab.detail.outputs.filter((output) => output.target === '1080x1350').map((output) => basename(output.path)).sort();
  expect(names).toEqual(['Landscape_1_A.jpg', 'Landscape_1_B.jpg', 'Landscape_1_C.jpg']);
  const files = ab.detail.outputs.filter((output) => output.target === '1080x1350').map((output) => readFileSync(output.path).toString('base64'));
  expect(new Set(files).size).toBe(3);
  expect((await app.call('review.variants', { jobId: ab.jobId })).variants).toEqual([]);
  // Each A/B deliverable is a tile of its own in the job view, and no picker shows.
  const problems = collectPageProblems(page);
  await openApp(page, app, jobViewLink(ab.jobId));
  await expect(page.locator('.output-tile[data-target="1080x1350"]')).toHaveCount(3);
  await page.locator('.output-tile[data-target="1080x1350"]').first().getByRole('button', { name: 'Open 1080x1350 large' }).click();
  await expect(page.getByRole('dialog', { name: '1080x1350 large' }).getByAltText('After: the output')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Variants' })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a grid tile and a contact-sheet cell say a size has variants and which is chosen', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const { jobId } = await variantsJob(app, 'Variants badge', { keep: 'subfolder', naming: 'choose' });
  await app.call('review.pickVariant', { jobId, target: '1080x1350', variant: 1 });
  await openApp(page, app, jobViewLink(jobId));
  const tile = page.locator('.output-tile[data-target="1080x1350"]');
  await expect(tile.locator('.variant-badge')).toHaveText('A/B/C · B chosen');
  // The local size has one image: no badge.
  await expect(page.locator('.output-tile[data-target="1080x1080"] .variant-badge')).toHaveCount(0);
  await tile.scrollIntoViewIfNeeded();
  await screenshot(page, 'review-variant-badge-grid');

  await openApp(page, app, '#/history');
  await page.getByRole('link', { name: 'Contact sheet' }).click();
  const sheet = page.getByRole('table', { name: 'Contact sheet' });
  const row = sheet.getByRole('row').filter({ hasText: 'Landscape_1.jpg' }).last();
  // The cell is narrow: the letters and the chosen one, the sentence in its tooltip.
  await expect(row.locator('.variant-badge[data-target="1080x1350"]')).toHaveText('A/B/C · B');
  await expect(row.locator('.variant-badge[data-target="1080x1350"] .badge')).toHaveAttribute('title', /B is in the file/);
  await expect(row.locator('.variant-badge[data-target="1080x1080"]')).toHaveCount(0);
  await screenshot(page, 'review-variant-badge-sheet');
  expect(problems).toEqual([]);
});
