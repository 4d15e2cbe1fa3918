import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile, watchNewFolder } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');

// Files out of the browser host: dragging an output's grip in the job detail hands Chromium a DownloadURL item,
// which it downloads where the drag is dropped. The URL is the server's download route for that one output,
// authenticated like the page (the launch token's cookie), and it serves the very bytes the job wrote.

test('an output dragged from the job detail carries a download of exactly that file', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const profileId = await createProfile(app, 'Two local sizes', [{ width: 400, height: 400, policy: 'local' }, { width: 600, height: 314, policy: 'local' }]);
  const folder = await watchNewFolder(app, 'shoot', profileId);
  copyFileSync(join(CORPUS, 'Landscape_1.jpg'), join(folder, 'beach.jpg'));

  await openApp(page, app);
  await goTo(page, 'History', 'History');
  const row = page.locator('.history-row', { hasText: 'beach.jpg' });
  await expect(row).toContainText('Done', { timeout: 20_000 });
  await row.click();
  const detail = page.getByRole('complementary', { name: 'Job details' });
  const grip = detail.getByRole('img', { name: 'Drag 600x314 to another app or a folder' });
  await expect(grip).toBeVisible();
  await expect(grip).toHaveAttribute('draggable', 'true');
  await grip.scrollIntoViewIfNeeded();
  await grip.hover();
  await expect(page.locator('.tile-picture img').first()).toBeVisible();
  await screenshot(page, 'files-out-drag-grip');

  // A real dragstart on the grip, with a DataTransfer the page fills in as it would for a person's drag.
  const dragged = await grip.evaluate((element) => {
    const page = globalThis as unknown as { DataTransfer: new () => { getData(type: string): string }; DragEvent: new (type: string, init: object) => Event };
    const dataTransfer = new page.DataTransfer();
    (element as unknown as EventTarget).dispatchEvent(new page.DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer }));
    return { downloadUrl: dataTransfer.getData('DownloadURL'), uriList: dataTransfer.getData('text/uri-list') };
  });
  const [job] = (await app.call('jobs.query', { limit: 5 })).items;
  const output = job!.outputs.find((candidate) => candidate.target === '600x314')!;
  const fileName = output.path.split('/').pop()!;
  const match = /^image\/(png|jpeg|webp):([^:]+):(http:\/\/127\.0\.0\.1:\d+\/api\/output\?.+)$/.exec(dragged.downloadUrl);
  expect(match, dragged.downloadUrl).not.toBeNull();
  expect(match![2]).toBe(fileName);
  expect(dragged.uriList).toBe(match![3]);

  // What Chromium fetches when the drag is dropped: the page's cookie goes with it, and the bytes are the file's.
  const download = await page.context().request.get(match![3]!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toContain(`filename="${fileName}"`);
  expect(Buffer.from(await download.body())).toEqual(readFileSync(output.path));
  // Without the token the route answers nothing; with it, no path but the job's own outputs.
  expect((await fetch(match![3]!)).status).toBe(401);
  const source = new URL(match![3]!);
  source.searchParams.set('path', job!.sourcePath);
  expect((await page.context().request.get(source.href)).status()).toBe(403);
  expect(problems).toEqual([]);
});
