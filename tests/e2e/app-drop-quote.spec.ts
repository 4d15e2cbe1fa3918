import { join } from 'node:path';
import { collectPageProblems, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { dropFilesOn } from '../support/e2e/dropFiles';
import { inboxFiles } from '../support/e2e/inboxFiles';
import { expect, test } from '../support/e2e/appTest';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

// The drop page asks before paid work above the threshold with the engine's quote of the drop's paths
// (estimate.paths), the maximum jobs.enqueuePaths holds it to: copies of images already made are left out. The
// browser host uploads files, so "a folder that grew" is tested at the engine (paidDropConfirmation.test.ts); here
// the engine's count changes under the question by a profile edit, and the page asks again instead of failing.

const PAIR = [
  { width: 1080, height: 1080, policy: 'fal' as const },
  { width: 1200, height: 628, policy: 'fal' as const },
];

test('the question shows the maximum of the new images only, with the already-made copy left out', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await app.call('settings.update', { confirmAboveCents: 10 });
  await createProfile(app, 'Paid pair', PAIR);
  await openApp(page, app);
  const zone = page.getByRole('button', { name: 'Drop images here, or choose files' });
  await page.locator('.drop-side').getByLabel('Profile').selectOption({ label: 'Paid pair' });
  await dropFilesOn(zone, [join(CORPUS, 'Landscape_1.jpg')]);
  await page.getByRole('button', { name: 'Start 1 image' }).click();
  await page.getByTestId('confirm-paid').getByRole('button', { name: 'Send, up to $0.65' }).click();
  await expect(page.getByText(/Queued 1 image/)).toBeVisible();
  await expect.poll(async () => (await app.call('jobs.query', { limit: 10 })).items.map((job) => job.state).join(), { timeout: 60_000 }).toBe('done');

  // The same image again beside a new one: two files staged, and the line under them is already the engine's quote
  // (one new image, the copy left out), the numbers the question then asks about; nothing is uploaded for it.
  await dropFilesOn(zone, [join(CORPUS, 'Landscape_1.jpg'), join(CORPUS, 'Landscape_6.jpg')]);
  const line = page.locator('.drop-side .estimate');
  await expect(line).toHaveText('$0.35 – $0.65 for 1 new image at fal (the tier fal picks decides the final price) · 1 already made with this profile, left out');
  expect(await inboxFiles(app.dataDir)).toEqual(['Landscape_1.jpg']);
  await screenshot(page, 'drop-staged-quote');
  await page.getByRole('button', { name: 'Start 2 images' }).click();
  const dialog = page.getByTestId('confirm-paid');
  await expect(dialog).toContainText('The 1 new image of 2 may cost up to $0.65 at fal ($0.35 – $0.65)');
  await expect(line).toContainText('$0.35 – $0.65 for 1 new image');
  await expect(dialog.getByTestId('confirm-paid-left-out')).toHaveText('1 already made with this profile, left out: it is recorded as a copy, nothing is paid for it.');
  await dialog.scrollIntoViewIfNeeded();
  await screenshot(page, 'confirm-paid-left-out');
  await dialog.getByRole('button', { name: 'Send, up to $0.65' }).click();
  await expect(page.getByText(/Queued 1 image/)).toBeVisible();
  await expect(page.locator('.drop-result')).toContainText('Landscape_1');
  await expect.poll(() => app.fake.countSubmits(), { timeout: 60_000 }).toBe(2);
  expect(problems).toEqual([]);
});

test('when the engine counts more than was confirmed, the page asks again with its new maximum, the files kept and nothing sent', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await app.call('settings.update', { confirmAboveCents: 10 });
  const profileId = await createProfile(app, 'Paid pair', PAIR);
  await openApp(page, app);
  await page.locator('.drop-side').getByLabel('Profile').selectOption({ label: 'Paid pair' });
  await dropFilesOn(page.getByRole('button', { name: 'Drop images here, or choose files' }), [join(CORPUS, 'Landscape_1.jpg')]);
  await page.getByRole('button', { name: 'Start 1 image' }).click();
  const dialog = page.getByTestId('confirm-paid');
  await expect(dialog).toContainText('This image may cost up to $0.65 at fal');

  // While the question is open the profile gains a fal size: what was confirmed no longer covers the drop.
  const profile = await app.call('profiles.get', { id: profileId });
  await app.call('profiles.update', { id: profileId, draft: { name: profile.name, output: profile.output, naming: profile.naming, fal: profile.fal, sizes: [...PAIR, { width: 1080, height: 1920, policy: 'fal' }] } });
  await dialog.getByRole('button', { name: 'Send, up to $0.65' }).click();
  await expect(dialog.getByTestId('confirm-paid-changed')).toHaveText('The drop changed since you confirmed $0.65: nothing was sent. Here is what it may cost now.');
  await expect(dialog).toContainText('This image may cost up to $0.95 at fal');
  await expect(page.locator('.staged-list')).toContainText('Landscape_1.jpg');
  await expect(page.locator('.note-danger')).toHaveCount(0);
  await dialog.scrollIntoViewIfNeeded();
  await screenshot(page, 'confirm-paid-asked-again');
  expect((await app.call('jobs.query', { limit: 10 })).items).toEqual([]);
  expect(app.fake.countSubmits()).toBe(0);

  await dialog.getByRole('button', { name: 'Send, up to $0.95' }).click();
  await expect(page.getByText(/Queued 1 image/)).toBeVisible();
  await expect.poll(() => app.fake.countSubmits(), { timeout: 60_000 }).toBe(1);
  // One upload: the answered question queued the paths it was asked about.
  const [job] = (await app.call('jobs.query', { limit: 10 })).items;
  expect(job!.sourcePath.endsWith('Landscape_1.jpg')).toBe(true);
  // The one refusal the browser logs is the engine's confirmation_required the page answered by asking again.
  expect(problems).toEqual(['Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)']);
});
