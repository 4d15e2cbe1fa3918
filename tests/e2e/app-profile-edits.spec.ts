import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';

// Profile edits against the real server: unsaved edits are never dropped without asking (leaving the page, picking
// another profile), and importing a file whose name is taken says what happened and lets the person choose.

test('unsaved profile edits ask before leaving the page or opening another profile', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await createProfile(app, 'Alpha', [{ width: 500, height: 500, policy: 'local' }]);
  await createProfile(app, 'Bravo', [{ width: 600, height: 300, policy: 'local' }]);
  await openApp(page, app);
  await goTo(page, 'Profiles', 'Profiles');
  const list = page.locator('.profile-list');
  await list.getByRole('button', { name: /^Alpha/ }).click();
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toHaveValue('Alpha');
  await name.fill('Alpha edited');

  // Leaving the page: asked, and "Keep editing" keeps the page and the edit.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Queue', exact: true }).click();
  const prompt = page.getByRole('dialog', { name: 'Unsaved changes' });
  await expect(prompt).toContainText('Your changes to Alpha are not saved. Save them before you open Queue, or discard them?');
  await screenshot(page, 'profile-unsaved-prompt');
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profiles' })).toBeVisible();
  await expect(page).toHaveURL(/#\/profiles$/);
  await expect(name).toHaveValue('Alpha edited');

  // Closing or reloading the tab would get the browser's "Leave site?" prompt (the page vetoes beforeunload).
  expect(await page.evaluate(() => {
    const unload = new Event('beforeunload', { cancelable: true });
    (globalThis as unknown as EventTarget).dispatchEvent(unload);
    return unload.defaultPrevented;
  })).toBe(true);

  // The browser's Back button is held the same way.
  await page.goBack();
  await expect(prompt).toContainText('Save them before you open Drop');
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profiles' })).toBeVisible();
  await expect(name).toHaveValue('Alpha edited');

  // Another profile: asked; "Discard changes" opens it and the edit is gone from the engine too.
  await list.getByRole('button', { name: /^Bravo/ }).click();
  await expect(prompt).toContainText('Save them before you open “Bravo”');
  await prompt.getByRole('button', { name: 'Discard changes' }).click();
  await expect(name).toHaveValue('Bravo');
  expect((await app.call('profiles.list')).map((profile) => profile.name)).toContain('Alpha');

  // "Save and continue" saves, then goes where the person asked.
  await name.fill('Bravo renamed');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'History', exact: true }).click();
  await prompt.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  const saved = (await app.call('profiles.list')).find((profile) => profile.name === 'Bravo renamed');
  expect(saved?.version).toBe(2);

  // Nothing edited: no question.
  await goTo(page, 'Profiles', 'Profiles');
  await goTo(page, 'Queue', 'Queue');
  expect(problems).toEqual([]);
});

test('re-importing a profile says it is identical, or asks to keep both or replace', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const id = await createProfile(app, 'Launch', [{ width: 500, height: 500, policy: 'local' }]);
  const { json } = await app.call('profiles.export', { id });
  const same = join(app.root, 'launch.json');
  const changed = join(app.root, 'launch-changed.json');
  writeFileSync(same, json);
  writeFileSync(changed, json.replace(/"width": 500/, '"width": 640'));
  await openApp(page, app);
  await goTo(page, 'Profiles', 'Profiles');
  const input = page.getByTestId('profile-import-input');

  await input.setInputFiles(same);
  await expect(page.getByRole('status').filter({ hasText: 'Launch' })).toContainText('“Launch” is already here with exactly these settings: nothing was imported.');

  await input.setInputFiles(changed);
  const conflict = page.getByRole('alert').filter({ hasText: 'already exists' });
  await expect(conflict).toContainText('“Launch” already exists with other settings than launch-changed.json. Nothing was imported yet.');
  await screenshot(page, 'profile-import-conflict');
  expect((await app.call('profiles.list')).filter((profile) => !profile.builtIn).map((profile) => profile.name)).toEqual(['Launch']);
  await conflict.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported as' })).toContainText('Imported as “Launch (imported)”');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Launch (imported)');

  await input.setInputFiles(changed);
  await conflict.getByRole('button', { name: 'Replace “Launch”' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'version 2' })).toContainText('“Launch” now has the file’s settings, as version 2.');
  const launch = (await app.call('profiles.list')).find((profile) => profile.name === 'Launch');
  expect(launch).toMatchObject({ version: 2, sizes: [{ width: 640, height: 500 }] });
  expect(problems).toEqual([]);
});
