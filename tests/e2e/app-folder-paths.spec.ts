import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';

// Typed folder paths against the real server (its home folder is the test's temp root): ~ is home, a relative path
// is refused with the reason, a missing folder is offered "Create this folder", and the browser can make one.

/** The page's problems, less the 4xx answers of the refusals these tests ask for (Chromium logs each one). */
const beyondRefusals = (problems: string[]) => problems.filter((problem) => !/^Failed to load resource: the server responded with a status of 4\d\d/.test(problem));

test('a typed ~/ path to a missing folder is offered "Create this folder", and a relative path is refused', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await createProfile(app, 'Square', [{ width: 300, height: 300, policy: 'local' }]);
  await openApp(page, app);
  await goTo(page, 'Folders', 'Watched folders');
  await page.getByRole('button', { name: 'Add folder' }).click();

  await page.getByLabel('Folder path').fill('Campaigns/in');
  await page.getByRole('button', { name: 'Save folder' }).click();
  await expect(page.getByRole('alert')).toContainText('"Campaigns/in" is a relative path: enter the folder’s full path');
  expect(await app.call('folders.list')).toEqual([]);

  await page.getByLabel('Folder path').fill('~/Spring campaign/in');
  await page.getByRole('button', { name: 'Save folder' }).click();
  const wanted = join(app.root, 'Spring campaign', 'in');
  const offer = page.getByRole('alert').filter({ hasText: `${wanted} does not exist.` });
  await expect(offer.getByRole('button', { name: 'Create this folder' })).toBeVisible();
  expect(existsSync(wanted)).toBe(false);
  await screenshot(page, 'folder-create-offer');

  await offer.getByRole('button', { name: 'Create this folder' }).click();
  const card = page.locator('.folder-card', { hasText: wanted });
  await expect(card.getByText('Watching', { exact: true })).toBeVisible();
  expect(statSync(wanted).isDirectory()).toBe(true);
  expect(await app.call('folders.list')).toMatchObject([{ path: wanted, status: 'watching' }]);
  expect(beyondRefusals(problems)).toEqual([]);
});

test('the folder browser makes a new folder where it is, and that folder can be watched', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await createProfile(app, 'Square', [{ width: 300, height: 300, policy: 'local' }]);
  app.makeFolder('Clients');
  await openApp(page, app);
  await goTo(page, 'Folders', 'Watched folders');
  await page.getByRole('button', { name: 'Add folder' }).click();
  await page.getByRole('button', { name: 'Browse…' }).click();
  const browser = page.getByRole('dialog', { name: 'Choose a folder' });
  await browser.getByRole('button', { name: 'Clients' }).click();
  await expect(browser.locator('.browser-path')).toHaveText(join(app.root, 'Clients'));

  await browser.getByRole('button', { name: 'New folder' }).click();
  await browser.getByLabel('New folder name').fill('../escape');
  await browser.getByRole('button', { name: 'Create' }).click();
  await expect(browser.getByRole('alert')).toContainText('A folder name cannot contain / or \\.');
  await browser.getByLabel('New folder name').fill('Summer drop');
  await screenshot(page, 'folder-browser-new-folder');
  await browser.getByRole('button', { name: 'Create' }).click();
  const created = join(app.root, 'Clients', 'Summer drop');
  await expect(browser.locator('.browser-path')).toHaveText(created);
  expect(statSync(created).isDirectory()).toBe(true);

  await browser.getByRole('button', { name: 'Watch this folder' }).click();
  await expect(page.getByLabel('Folder path')).toHaveValue(created);
  await page.getByRole('button', { name: 'Save folder' }).click();
  await expect(page.locator('.folder-card', { hasText: created }).getByText('Watching', { exact: true })).toBeVisible();
  expect(beyondRefusals(problems)).toEqual([]);
});
