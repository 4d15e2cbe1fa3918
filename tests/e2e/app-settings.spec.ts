import { join } from 'node:path';
import sharp from 'sharp';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile, watchNewFolder } from '../support/e2e/appSetup';
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
  expect(app.server.engine.queueStatus().concurrency).toBe(3);
  await screenshot(page, 'settings-processing');
  expect(problems).toEqual([]);
});

test('the largest image and the fal request deadline are set on the page, and the next job is held to the new limit', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const profileId = await createProfile(app, 'Local square', [{ width: 400, height: 400, policy: 'local' }]);
  const folder = await watchNewFolder(app, 'incoming', profileId);
  await openApp(page, app);
  await goTo(page, 'Settings', 'Settings');
  const megapixels = page.getByLabel('Largest image in megapixels');
  const deadline = page.getByLabel('fal request deadline in seconds');
  // The engine's defaults, exactly: 16,383 x 16,383 pixels and ten minutes.
  await expect(megapixels).toHaveValue('268.402689');
  await expect(deadline).toHaveValue('600');

  await deadline.fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('At least 1 second.')).toBeVisible();
  await megapixels.fill('1');
  await deadline.fill('120');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  expect(await app.call('settings.get')).toMatchObject({ pixelLimit: 1_000_000, falDeadlineSeconds: 120 });
  await page.getByText('Largest image (megapixels)').scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-pixel-limit-deadline');

  // No restart: a 1.2-megapixel image arriving now is refused at its job's start, a 0.48-megapixel one is made.
  await sharp({ create: { width: 1200, height: 1000, channels: 3, background: '#3a6' } }).jpeg().toFile(join(folder, 'big.jpg'));
  await sharp({ create: { width: 800, height: 600, channels: 3, background: '#a63' } }).jpeg().toFile(join(folder, 'small.jpg'));
  await goTo(page, 'History', 'History');
  await expect(page.locator('.history-row', { hasText: 'big.jpg' })).toContainText('Failed', { timeout: 20_000 });
  await expect(page.locator('.history-row', { hasText: 'small.jpg' })).toContainText('Done', { timeout: 20_000 });
  const jobs = (await app.call('jobs.query', { limit: 10 })).items;
  expect(jobs.find((job) => job.sourceName === 'big.jpg')?.error).toMatchObject({ code: 'pixel_limit_exceeded' });

  await page.reload();
  await goTo(page, 'Settings', 'Settings');
  await expect(megapixels).toHaveValue('1');
  await expect(deadline).toHaveValue('120');
  expect(problems).toEqual([]);
});
