import { copyFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { collectPageProblems, goTo, loadedImages, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile, watchNewFolder } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

// A file copied into a watched folder on disk goes through the real engine (chokidar, SQLite, the fake fal over
// loopback) and the page follows it live: Queue while it runs, History with thumbnails when it is done.

const SOURCE = join(CORPUS, 'Landscape_1.jpg');

// fal "works" for 3 s, so the running job can be seen half done (the local size written, the fal one pending).
test.use({ appOptions: { fake: { latency: { processingMs: 3_000, concurrency: 4 } } } });

test('an image copied into a watched folder runs in Queue and ends in History with thumbnails', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const profileId = await createProfile(app, 'Hero banners', [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 1200, height: 628, policy: 'local' },
  ]);
  const inbox = await watchNewFolder(app, 'Hero inbox', profileId);
  await openApp(page, app);
  await goTo(page, 'Queue', 'Queue');
  await expect(page.getByText('The queue is empty')).toBeVisible();

  copyFileSync(SOURCE, join(inbox, 'Landscape_1.jpg'));

  // The job appears by itself (events over the WebSocket), running at fal with the local size already written.
  const row = page.locator('.job-row', { hasText: 'Landscape_1.jpg' });
  await expect(row).toBeVisible();
  await expect(row.getByText('At fal')).toBeVisible();
  const progress = row.getByRole('progressbar', { name: 'Landscape_1.jpg progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', '50');
  await expect(row).toContainText('50%');
  await expect(page.getByTestId('batch-count')).toHaveText('0 of 1 finished');
  await screenshot(page, 'queue');

  // It finishes: the row leaves the pending list and the sidebar counts nothing waiting.
  await expect(row).toBeHidden({ timeout: 20_000 });
  await expect(page.getByText('The queue is empty')).toBeVisible();
  await expect(page.locator('.sidebar')).toContainText('Online · 0 waiting');

  await goTo(page, 'History', 'History');
  const historyRow = page.locator('.history-row', { hasText: 'Landscape_1.jpg' });
  await expect(historyRow).toContainText('Done');
  await expect(historyRow).toContainText('2 outputs');
  // The source's thumbnail is a real decoded preview; the outputs are drawn as their shapes.
  await expect.poll(async () => (await loadedImages(historyRow)).map((image) => image.dataUrl && image.naturalWidth > 0)).toEqual([true]);
  await expect(historyRow.getByRole('img', { name: 'Outputs: 1080×1080, 1200×628' })).toBeVisible();

  await historyRow.click();
  const detail = page.getByRole('complementary', { name: 'Job details' });
  await expect(detail.getByRole('heading', { name: 'Landscape_1.jpg' })).toBeVisible();
  await expect(detail.locator('.output')).toHaveCount(2);
  await expect(detail.getByText('1080x1080', { exact: true })).toBeVisible();
  await expect(detail.getByText('1200x628', { exact: true })).toBeVisible();
  // Source preview plus one preview per output, all decoded.
  await expect.poll(async () => (await loadedImages(detail)).filter((image) => image.dataUrl && image.naturalWidth > 0).length).toBe(3);
  await screenshot(page, 'history');
  await detail.locator('.output').last().scrollIntoViewIfNeeded();
  await screenshot(page, 'history-outputs');

  // The outputs are on disk in sibling folders of the watched one, never inside it.
  const [job] = (await app.call('jobs.query', { limit: 10 })).items;
  expect(job?.outputs.map((output) => output.target).sort()).toEqual(['1080x1080', '1200x628']);
  for (const output of job!.outputs) {
    expect(existsSync(output.path)).toBe(true);
    expect(dirname(dirname(output.path))).toBe(dirname(inbox));
    expect(basename(dirname(output.path))).toBe(`${basename(inbox)}-${output.target}`);
  }

  // The other pages with the same data: the folder's live counts, spend, and the key the server reads.
  await goTo(page, 'Folders', 'Watched folders');
  const card = page.locator('.folder-card', { hasText: inbox });
  await expect(card.getByText('Watching', { exact: true })).toBeVisible();
  await expect(card.locator('.counts')).toContainText(/Done\s*1/);
  await screenshot(page, 'folders-counts');
  await goTo(page, 'Spend', 'Spend');
  await screenshot(page, 'spend');
  await goTo(page, 'Settings', 'Settings');
  await expect(page.getByText('Configured', { exact: true })).toBeVisible();
  await screenshot(page, 'settings');
  expect(problems).toEqual([]);
});
