import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

const sizesSent = (app: { fake: { requests: (filter: { route: 'submit' }) => Array<{ body: unknown }> } }) =>
  app.fake.requests({ route: 'submit' }).map((request) => (request.body as { target_sizes: string[] }).target_sizes);

test('a watched folder in review first: its files wait on the Queue page with their quote, nothing reaches fal until Approve there, then exactly those sizes; Decline sends nothing', async ({
  page,
  app,
}) => {
  const problems = collectPageProblems(page);
  await createProfile(app, 'Review folder', [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 1200, height: 628, policy: 'fal' },
    { width: 300, height: 250, policy: 'local' },
  ]);
  const inbox = app.makeFolder('Client inbox');
  await openApp(page, app);
  await goTo(page, 'Folders', 'Watched folders');
  await page.getByRole('button', { name: 'Add folder' }).click();
  await page.getByLabel('Folder path').fill(inbox);
  await page.locator('.folder-form').getByLabel('Profile').selectOption({ label: 'Review folder' });
  await page.getByLabel('Review first').check();
  await page.getByRole('button', { name: 'Save folder' }).click();
  const card = page.locator('.folder-card', { hasText: inbox });
  await expect(card).toContainText('review first (nothing goes to fal before you approve)');
  expect((await app.call('folders.list'))[0]).toMatchObject({ path: inbox, reviewFirst: true });
  await screenshot(page, 'review-first-folder-card');

  copyFileSync(join(CORPUS, 'Landscape_1.jpg'), join(inbox, 'first.jpg'));
  await goTo(page, 'Queue', 'Queue');
  const approvals = page.locator('.queue-approvals');
  const row = approvals.getByTestId('awaiting-first.jpg');
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText('1080x1080 $0.15 – $0.30');
  await expect(row.getByTestId('quote-total')).toHaveText('$0.35 – $0.65 with fal’s fee');
  expect(app.fake.countSubmits()).toBe(0);
  await screenshot(page, 'review-first-queue');

  await row.getByRole('button', { name: 'Approve' }).click();
  await expect(row).toBeHidden({ timeout: 30_000 });
  await expect.poll(() => app.fake.countSubmits(), { timeout: 30_000 }).toBe(1);
  expect(sizesSent(app)).toEqual([['1080x1080', '1200x628']]);
  await expect.poll(async () => (await app.call('jobs.query', { limit: 10 })).items[0]?.state, { timeout: 30_000 }).toBe('done');

  copyFileSync(join(CORPUS, 'Landscape_6.jpg'), join(inbox, 'second.jpg'));
  const second = approvals.getByTestId('awaiting-second.jpg');
  await expect(second).toBeVisible({ timeout: 30_000 });
  await second.getByRole('button', { name: 'Decline' }).click();
  await expect(second).toBeHidden();
  await expect(page.getByText('The queue is empty')).toBeVisible();
  const declined = (await app.call('jobs.query', { limit: 10 })).items.find((job) => job.sourceName === 'second.jpg')!;
  expect(declined.state).toBe('done');
  expect(declined.outputs.every((output) => output.provider === 'local')).toBe(true);
  expect(app.fake.countSubmits()).toBe(1);
  expect(problems).toEqual([]);
});
