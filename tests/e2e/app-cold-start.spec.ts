import type { Page, Route } from '@playwright/test';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { expect, test } from '../support/e2e/appTest';

// What a person sees while the app's code is still on its way (a cold start, a slow disk, a page opened for the first
// time): the app says it is opening, and which page, never a blank window or a bare "Loading…".

/** Holds every request whose URL matches until the returned function is called. */
async function hold(page: Page, url: RegExp): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('a cold start says the app is opening until its code runs', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await page.setViewportSize({ width: 1024, height: 640 });
  const release = await hold(page, /\/assets\/index-[^/]*\.js$/);
  // Only until the response starts: the load event waits for the very script that is held.
  await page.goto(app.url, { waitUntil: 'commit' });
  const splash = page.getByRole('status').filter({ hasText: 'Opening Smart Resize…' });
  await expect(splash).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/^\s*Loading…\s*$/);
  await screenshot(page, 'cold-start');
  release();
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
  await expect(splash).toBeHidden();
  expect(problems).toEqual([]);
});

test("a page opened for the first time shows its name and the page's shape while its code loads", async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await openApp(page, app, '#/queue');
  await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
  const release = await hold(page, /\/assets\/HistoryPage-[^/]*\.js$/);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'History', exact: true }).click();
  const opening = page.getByRole('status', { name: 'Opening History…' });
  await expect(opening).toBeVisible();
  await expect(opening).toContainText('History');
  await expect(page.getByText('Loading…', { exact: true })).toHaveCount(0);
  await screenshot(page, 'page-opening');
  release();
  await goTo(page, 'History', 'History');
  await expect(opening).toBeHidden();
  expect(problems).toEqual([]);
});
