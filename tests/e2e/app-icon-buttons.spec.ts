import type { Page } from '@playwright/test';
import { collectPageProblems, goTo, openApp } from '../support/e2e/appPage';
import { createProfile, watchNewFolder } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';
import { landImages } from '../support/e2e/spendEvidence';

// Every button that shows only an icon must say what it does: an accessible name for screen readers and a tooltip
// for everyone else. The test walks every page in the states where such buttons appear (a staged drop, a folder
// card and the folder browser, a profile's sizes, a queued job, a job's detail, a toast) and finds them all.

/** The visible buttons and links with no text of their own: how many, and what each faulty one lacks. */
async function iconButtons(page: Page): Promise<{ count: number; faults: string[] }> {
  // Page code as text: the tests' typings have no DOM lib.
  return (await page.evaluate(`(() => {
    const icons = [...document.querySelectorAll('button, a[href], [role="button"]')]
      .filter((element) => element.getClientRects().length > 0 && (element.textContent ?? '').trim() === '');
    const faults = icons.flatMap((element) => {
      const labelledBy = element.getAttribute('aria-labelledby');
      const name = element.getAttribute('aria-label') || (labelledBy && document.getElementById(labelledBy)?.textContent) || '';
      const tip = element.getAttribute('title') || '';
      const missing = [!name.trim() && 'no accessible name', !tip.trim() && 'no tooltip'].filter(Boolean);
      return missing.length > 0 ? [element.outerHTML.slice(0, 160) + ': ' + missing.join(', ')] : [];
    });
    return { count: icons.length, faults };
  })()`)) as { count: number; faults: string[] };
}

test('every icon-only button on every page has an accessible name and a tooltip', async ({ page, app }) => {
  test.setTimeout(90_000);
  const problems = collectPageProblems(page);
  const found: Record<string, string[]> = {};
  const counts: Record<string, number> = {};
  const check = async (where: string) => {
    const { count, faults } = await iconButtons(page);
    found[where] = faults;
    counts[where] = count;
  };
  const profileId = await createProfile(app, 'Two sizes', [
    { width: 300, height: 300, policy: 'local' },
    { width: 1080, height: 1080, policy: 'fal' },
  ]);
  const inbox = await watchNewFolder(app, 'Inbox', profileId);
  await openApp(page, app);

  await goTo(page, 'Drop', 'Drop images');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await page.getByTestId('drop-input').setInputFiles({ name: 'staged.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByText('staged.png')).toBeVisible();
  await check('Drop, a file staged');

  await goTo(page, 'Folders', 'Watched folders');
  await expect(page.locator('.folder-card', { hasText: inbox })).toBeVisible();
  await check('Folders, a folder card');
  await page.getByRole('button', { name: 'Add folder' }).click();
  await page.getByRole('button', { name: 'Browse…' }).click();
  await expect(page.getByRole('dialog', { name: 'Choose a folder' })).toBeVisible();
  await check('Folders, the folder browser');
  await page.keyboard.press('Escape');

  await goTo(page, 'Profiles', 'Profiles');
  await page.getByRole('button', { name: /Two sizes/ }).click();
  await expect(page.getByLabel('Size 2 width')).toBeVisible();
  await check('Profiles, a profile open');

  // Paused, so the job waits in the queue with its cancel button.
  await app.call('queue.pause');
  await landImages(app, inbox, [3], 'queued');
  await goTo(page, 'Queue', 'Queue');
  await expect(page.locator('.job-row', { hasText: 'queued-3.jpg' })).toBeVisible({ timeout: 15_000 });
  await check('Queue, a job waiting');
  await app.call('queue.resume');

  await goTo(page, 'History', 'History');
  const row = page.locator('.history-row', { hasText: 'queued-3.jpg' });
  await expect(row).toContainText('Done', { timeout: 20_000 });
  await row.click();
  await expect(page.getByRole('complementary', { name: 'Job details' }).locator('.output').first()).toBeVisible();
  await check('History, a job open');

  await goTo(page, 'Spend', 'Spend');
  await check('Spend');
  await goTo(page, 'Settings', 'Settings');
  await check('Settings');

  app.server.engine.events.emit('notice', { kind: 'file', level: 'error', message: 'locked.jpg could not be read: permission denied', folderId: 'x', path: '/x/locked.jpg' });
  await expect(page.getByTestId('notice-toast')).toBeVisible();
  await check('a toast');

  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((where) => [where, []])));
  // The walk did reach them: remove, edit and delete, close, the sizes' remove, cancel, close/open/reveal, dismiss.
  expect(counts).toMatchObject({
    'Drop, a file staged': 1,
    'Folders, a folder card': 2,
    'Folders, the folder browser': expect.any(Number),
    'Profiles, a profile open': 2,
    'Queue, a job waiting': 1,
    'a toast': expect.any(Number),
  });
  expect(counts['Folders, the folder browser']).toBeGreaterThanOrEqual(3);
  expect(counts['History, a job open']).toBeGreaterThanOrEqual(5);
  expect(counts['a toast']).toBeGreaterThan(counts['Settings']!);
  expect(problems).toEqual([]);
});
