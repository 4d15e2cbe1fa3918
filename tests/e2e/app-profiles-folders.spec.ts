import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { expect, test } from '../support/e2e/appTest';

// Profiles and watched folders against the real headless server: what the UI saves is what the engine holds.

test('a profile made from a preset, renamed and saved, is in the list and in the engine', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await openApp(page, app);
  await goTo(page, 'Profiles', 'Profiles');
  const presetChoice = page.getByLabel('New from preset');
  const presetLabel = await presetChoice.locator('option', { hasText: 'Meta feed/stories' }).textContent();
  await presetChoice.selectOption({ label: presetLabel! });

  // The new copy is selected and editable (built-ins are not): rename it and save.
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toBeEditable();
  await expect(name).toHaveValue(/Meta feed\/stories/);
  await name.fill('Spring sale — Meta');
  await page.getByRole('button', { name: 'Save' }).click();

  const list = page.locator('.profile-list');
  await expect(list.getByRole('button', { name: /Spring sale — Meta/ })).toContainText('4 sizes · v2');
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  const saved = (await app.call('profiles.list')).find((profile) => profile.name === 'Spring sale — Meta');
  expect(saved).toMatchObject({ version: 2, builtIn: false });
  expect(saved?.sizes.map((size) => `${size.width}x${size.height}`)).toEqual(['1080x1080', '1080x1350', '1080x1920', '1200x628']);

  // It survives a reload: it came from the engine's store, not from the page's memory.
  await page.reload();
  await page.locator('.profile-list').getByRole('button', { name: /Spring sale — Meta/ }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Spring sale — Meta');
  await expect(page.getByLabel('Size 4 width')).toHaveValue('1200');
  await screenshot(page, 'profiles');
  expect(problems).toEqual([]);
});

test('a watched folder typed into the Folders page is watched with its profile', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const profile = await app.call('profiles.createFromPreset', { presetId: 'pinterest', name: 'Pins' });
  const inbox = app.makeFolder('Campaign inbox');
  await openApp(page, app);
  await goTo(page, 'Folders', 'Watched folders');
  await expect(page.getByText('No watched folders yet')).toBeVisible();

  await page.getByRole('button', { name: 'Add folder' }).click();
  await page.getByLabel('Folder path').fill(inbox);
  await page.locator('.folder-form').getByLabel('Profile').selectOption({ label: 'Pins' });
  await page.getByRole('button', { name: 'Save folder' }).click();
  await expect(page.getByRole('heading', { name: 'Add a watched folder' })).toBeHidden();

  const card = page.locator('.folder-card', { hasText: inbox });
  await expect(card).toContainText('Pins');
  await expect(card.getByText('Watching', { exact: true })).toBeVisible();
  const folders = await app.call('folders.list');
  // Not chosen: a folder on a local disk is watched with change events (a network share would be polled).
  expect(folders).toMatchObject([{ path: inbox, profileId: profile.id, status: 'watching', enabled: true, polling: null, watchMethod: 'events' }]);
  await expect(card).not.toContainText('polling');
  await screenshot(page, 'folders');

  await page.getByRole('button', { name: `Edit ${inbox}` }).click();
  await expect(page.getByLabel('How to watch')).toHaveValue('auto');
  await page.getByLabel('How to watch').selectOption('on');
  await screenshot(page, 'folder-form-watching');
  await page.getByRole('button', { name: 'Save folder' }).click();
  await expect(card).toContainText('Pins · polling');
  await expect.poll(async () => (await app.call('folders.list'))[0]?.watchMethod).toBe('polling');
  expect(problems).toEqual([]);
});
