import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { expect, test } from '../support/e2e/appTest';

// Settings against the real server (its fal is the fake, with the fake's key saved): "Test key" asks fal, clearing
// the key asks first, and saved processing settings are what the running engine uses.

test('Test key says valid for the saved key and invalid for a wrong typed one; clearing the key asks first', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await openApp(page, app);
  await goTo(page, 'Settings', 'Settings');
  const card = page.locator('.card', { hasText: 'fal API key' });
  await expect(card.getByText('Configured')).toBeVisible();

  await card.getByRole('button', { name: 'Test key' }).click();
  const result = card.getByRole('status', { name: 'Key test result' });
  await expect(result).toHaveText('Valid: fal accepted the key.');

  await card.getByLabel('fal key').fill('a-wrong-fal-key');
  await card.getByRole('button', { name: 'Test this key' }).click();
  await expect(result).toHaveText('Invalid: fal refused the key (401: No user found for Key ID and Secret).');
  await screenshot(page, 'settings-test-key');
  // Testing saved nothing: the key in use is still the good one.
  expect(await app.call('falKey.test')).toMatchObject({ result: 'valid' });
  await card.getByLabel('fal key').fill('');

  await card.getByRole('button', { name: 'Clear key' }).click();
  const confirm = card.getByRole('alertdialog', { name: 'Clear the fal key?' });
  await expect(confirm).toContainText('Sizes set to fal will then be made by the free local engine');
  await screenshot(page, 'settings-clear-key-confirm');
  await confirm.getByRole('button', { name: 'Keep key' }).click();
  await expect(confirm).toBeHidden();
  expect(await app.call('falKey.status')).toMatchObject({ configured: true });

  await card.getByRole('button', { name: 'Clear key' }).click();
  await confirm.getByRole('button', { name: 'Clear key' }).click();
  await expect(card.getByText('Not set', { exact: true }).first()).toBeVisible();
  expect(await app.call('falKey.status')).toEqual({ configured: false, storage: 'none' });
  // Chromium logs nothing for these: every call above answered 200.
  expect(problems).toEqual([]);
});

test('processing settings saved on the page are what the running engine uses, no restart', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await openApp(page, app);
  await goTo(page, 'Settings', 'Settings');
  await expect(page.getByText('Saved settings apply at once')).toBeVisible();
  await page.getByLabel('Jobs at a time').fill('3');
  await page.getByLabel('Settle time in seconds').fill('0.5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  expect(await app.call('settings.get')).toMatchObject({ concurrency: 3, settleMs: 500 });
  expect(app.server.engine.scheduler.status().concurrency).toBe(3);
  await screenshot(page, 'settings-processing');
  expect(problems).toEqual([]);
});
