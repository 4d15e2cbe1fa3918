import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { dropFilesOn } from '../support/e2e/dropFiles';
import { inboxFiles } from '../support/e2e/inboxFiles';
import { expect, test } from '../support/e2e/appTest';

// shared/ beside the checkout, wherever it is (CI lays its copy there).
const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

/** "$0.15" -> 15 */
const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100);

test('review first: a drop is made locally and nothing reaches fal until a size is approved, then exactly that size at its quoted price', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await createProfile(app, 'Review set', [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 1200, height: 628, policy: 'fal' },
    { width: 300, height: 250, policy: 'local' },
  ]);
  await openApp(page, app);
  await page.locator('.drop-side').getByLabel('Profile').selectOption({ label: 'Review set' });
  await dropFilesOn(page.getByRole('button', { name: 'Drop images here, or choose files' }), [join(CORPUS, 'Landscape_1.jpg')]);
  await page.getByLabel('Review first').check();
  const delivery = join(app.root, 'delivery');
  await page.getByLabel('Output folder').fill(delivery);
  await page.getByRole('button', { name: 'Preview 1 image' }).click();
  await expect(page.getByText(/Queued 1 image for review/)).toBeVisible();

  await goTo(page, 'History', 'History');
  const row = page.locator('.history-row', { hasText: 'Landscape_1.jpg' });
  await expect(row).toContainText('Awaiting approval', { timeout: 30_000 });
  expect(app.fake.countSubmits()).toBe(0);
  const [job] = (await app.call('jobs.query', { limit: 10 })).items;
  expect(job!.outputs.map((output) => `${output.target}:${output.provider}`).sort()).toEqual(['1080x1080:local', '1200x628:local', '300x250:local']);
  for (const output of job!.outputs) expect(output.path.startsWith(join(delivery, 'inbox-'))).toBe(true);

  await page.goto(`${app.url}#/job?id=${job!.id}`);
  const panel = page.locator('.approval-panel');
  await expect(panel.getByTestId('approval-1080x1080')).toContainText('Awaiting approval');
  await expect(panel.getByTestId('approval-1200x628')).toBeVisible();
  await expect(page.locator('.output-tile').first()).toBeVisible();
  await screenshot(page, 'review-first');
  // "$0.15 – $0.30": the tier fal names up to 4K's price, with the reason said beside it.
  const [quoted, quotedTop] = (await panel.getByTestId('approval-1080x1080').getByTestId('quote').innerText()).split('–').map(cents);
  expect(quotedTop).toBeGreaterThan(quoted!);
  await expect(panel.getByTestId('approval-1080x1080')).toContainText('fal may bill the 4K tier');
  expect(app.fake.countSubmits()).toBe(0);

  await panel.getByTestId('approval-1080x1080').getByRole('button', { name: 'Approve' }).click();
  await expect(panel.getByTestId('approval-1080x1080')).toContainText('Made by fal', { timeout: 30_000 });
  await expect(panel.getByTestId('approval-1200x628')).toContainText('Awaiting approval');
  expect(app.fake.countSubmits()).toBe(1);
  expect(app.fake.requests({ route: 'submit' }).map((request) => (request.body as { target_sizes: string[] }).target_sizes)).toEqual([['1080x1080']]);
  const detail = await app.call('jobs.detail', { id: job!.id });
  // The price shown is what the ledger charged: that one image at fal's tier, and the request's fee.
  expect(detail.costCents).toBe(quoted! + 5);
  expect(detail.outputs.find((output) => output.target === '1080x1080')!.provider).toBe('fal');

  await panel.getByTestId('approval-1200x628').getByRole('button', { name: 'Decline' }).click();
  await expect(page.locator('.job-source')).toContainText('Done');
  expect(app.fake.countSubmits()).toBe(1);
  expect(problems).toEqual([]);
});

test('a drop above the confirmation threshold asks first with its maximum, and cancel queues nothing and leaves nothing in the inbox', async ({ page, app }) => {
  await app.call('settings.update', { confirmAboveCents: 10 });
  await createProfile(app, 'Paid pair', [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 1200, height: 628, policy: 'fal' },
  ]);
  await openApp(page, app);
  await page.locator('.drop-side').getByLabel('Profile').selectOption({ label: 'Paid pair' });
  await dropFilesOn(page.getByRole('button', { name: 'Drop images here, or choose files' }), [join(CORPUS, 'Landscape_1.jpg')]);
  const estimate = await app.call('estimate.batch', { profileId: (await app.call('profiles.list')).find((profile) => profile.name === 'Paid pair')!.id, fileCount: 1 });
  await page.getByRole('button', { name: 'Start 1 image' }).click();
  const dialog = page.getByTestId('confirm-paid');
  await expect(dialog).toContainText(`may cost up to $${(estimate.maxCents / 100).toFixed(2)} at fal`);
  await expect(dialog).toContainText('Cancel queues nothing');
  await screenshot(page, 'confirm-paid');
  // Asking uploaded the file to the server's inbox: cancelled, it is taken out again (the person still has it).
  expect(await inboxFiles(app.dataDir)).toEqual(['Landscape_1.jpg']);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.staged-list')).toContainText('Landscape_1.jpg');
  await expect.poll(() => inboxFiles(app.dataDir)).toEqual([]);
  expect((await app.call('jobs.query', { limit: 10 })).items).toEqual([]);
  expect(app.fake.countSubmits()).toBe(0);

  // Start again: asked again about one upload of it, and sent, the inbox holds it once (no "Landscape_1-1.jpg").
  await page.getByRole('button', { name: 'Start 1 image' }).click();
  await dialog.getByRole('button', { name: `Send, up to $${(estimate.maxCents / 100).toFixed(2)}` }).click();
  await expect(page.getByText(/Queued 1 image/)).toBeVisible();
  expect(await inboxFiles(app.dataDir)).toEqual(['Landscape_1.jpg']);
  expect((await app.call('jobs.query', { limit: 10 })).items.map((job) => job.sourceName)).toEqual(['Landscape_1.jpg']);
});

test('a drop above the threshold sent after confirming its maximum is queued and sent, the verb holding it to what was shown', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await app.call('settings.update', { confirmAboveCents: 10 });
  await createProfile(app, 'Paid pair', [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 1200, height: 628, policy: 'fal' },
  ]);
  const profileId = (await app.call('profiles.list')).find((profile) => profile.name === 'Paid pair')!.id;
  await openApp(page, app);
  await page.locator('.drop-side').getByLabel('Profile').selectOption({ label: 'Paid pair' });
  await dropFilesOn(page.getByRole('button', { name: 'Drop images here, or choose files' }), [join(CORPUS, 'Landscape_1.jpg')]);
  const estimate = await app.call('estimate.batch', { profileId, fileCount: 1 });
  await page.getByRole('button', { name: 'Start 1 image' }).click();
  const dialog = page.getByTestId('confirm-paid');
  await dialog.getByRole('button', { name: `Send, up to $${(estimate.maxCents / 100).toFixed(2)}` }).click();
  await expect(page.getByText(/Queued 1 image/)).toBeVisible();
  await expect.poll(() => app.fake.countSubmits(), { timeout: 30_000 }).toBe(1);
  // A new image without the confirmation is refused by the verb itself, naming the maximum; the one just sent again
  // is no paid work (dedupe skips it, so the maximum leaves it out) and needs none.
  const [job] = (await app.call('jobs.query', { limit: 10 })).items;
  const fresh = join(dirname(job!.sourcePath), 'fresh.jpg');
  copyFileSync(join(CORPUS, 'Landscape_6.jpg'), fresh);
  await expect(app.call('jobs.enqueuePaths', { paths: [fresh], profileId })).rejects.toThrow(`may cost up to $${(estimate.maxCents / 100).toFixed(2)} at fal`);
  expect((await app.call('jobs.enqueuePaths', { paths: [job!.sourcePath], profileId })).jobIds).toEqual([]);
  expect(problems).toEqual([]);
});

test('approving a review-first batch still previewing says so, and its jobs go straight on to fal when their previews are made', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  await createProfile(app, 'Batch review', [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 300, height: 250, policy: 'local' },
  ]);
  // Paused: nothing is previewed yet when the person approves the batch.
  await app.call('queue.pause');
  await openApp(page, app);
  await page.locator('.drop-side').getByLabel('Profile').selectOption({ label: 'Batch review' });
  await dropFilesOn(page.getByRole('button', { name: 'Drop images here, or choose files' }), [join(CORPUS, 'Landscape_1.jpg'), join(CORPUS, 'Landscape_6.jpg')]);
  await page.getByLabel('Review first').check();
  await page.getByRole('button', { name: 'Preview 2 images' }).click();
  const approveAll = page.getByRole('button', { name: 'Approve all 2, 2 still previewing' });
  await expect(approveAll).toBeVisible();
  await approveAll.click();
  await expect(page.getByRole('status')).toHaveText('2 still previewing go on to fal when their previews are made.');
  await screenshot(page, 'review-first-batch-ahead');
  expect(app.fake.countSubmits()).toBe(0);

  await app.call('queue.resume');
  await expect.poll(async () => (await app.call('jobs.query', { limit: 10 })).items.map((job) => job.state).join(','), { timeout: 60_000 }).toBe('done,done');
  expect(app.fake.requests({ route: 'submit' }).map((request) => (request.body as { target_sizes: string[] }).target_sizes)).toEqual([['1080x1080'], ['1080x1080']]);
  for (const job of (await app.call('jobs.query', { limit: 10 })).items) {
    expect(job.outputs.find((output) => output.target === '1080x1080')!.provider).toBe('fal');
  }
  expect(problems).toEqual([]);
});

test('the Queue page approves the whole batch of a review-first folder: it says it covers the jobs still previewing, and those go on to fal when their previews are made', async ({
  page,
  app,
}) => {
  const problems = collectPageProblems(page);
  await createProfile(app, 'Folder batch', [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 300, height: 250, policy: 'local' },
  ]);
  const profileId = (await app.call('profiles.list')).find((profile) => profile.name === 'Folder batch')!.id;
  const inbox = app.makeFolder('Batch inbox');
  await app.call('folders.add', { path: inbox, profileId, enabled: true, recursive: false, polling: false, trusted: true, reviewFirst: true, createIfMissing: false });
  const states = async () => (await app.call('jobs.query', { limit: 10 })).items.map((job) => `${job.sourceName}:${job.state}`).sort().join(',');

  // One file previewed and waiting; then the queue paused, so the rest of the batch is still to be previewed.
  copyFileSync(join(CORPUS, 'Landscape_1.jpg'), join(inbox, 'first.jpg'));
  await expect.poll(states, { timeout: 30_000 }).toBe('first.jpg:awaiting_approval');
  await app.call('queue.pause');
  copyFileSync(join(CORPUS, 'Landscape_6.jpg'), join(inbox, 'second.jpg'));
  copyFileSync(join(CORPUS, '2569067123_aca715a2ee_o.jpg'), join(inbox, 'third.jpg'));
  await expect.poll(states, { timeout: 30_000 }).toBe('first.jpg:awaiting_approval,second.jpg:queued,third.jpg:queued');

  await openApp(page, app);
  await goTo(page, 'Queue', 'Queue');
  const approvals = page.locator('.queue-approvals');
  await expect(approvals.getByTestId('awaiting-first.jpg')).toBeVisible();
  await expect(approvals.getByTestId('batch-covers')).toContainText('The whole batch: 1 waiting for you, 2 still making their previews.');
  // The badge counts from queue.changed events: one waits for the person, two (queued, paused) for the machine.
  const badge = page.locator('.sidebar-footer');
  await expect(badge).toHaveText('Paused · 2 waiting · 1 to approve');
  await screenshot(page, 'review-first-queue-batch');
  await approvals.getByRole('button', { name: 'Approve the whole batch (3)' }).click();
  await expect(approvals.getByRole('status')).toHaveText('Approved 1 job; 2 still previewing go on to fal when their previews are made.');
  // Approved, the first job is back in line: none left to approve, three waiting for the queue to resume.
  await expect(badge).toHaveText('Paused · 3 waiting');
  await expect(approvals.getByTestId('batch-covers')).toContainText('The whole batch: 2 approved ahead. Those approved ahead go on to fal when their previews are made');
  await expect(approvals.getByRole('button', { name: /Approve the whole batch/ })).toBeHidden();
  await screenshot(page, 'review-first-queue-batch-approved');

  await app.call('queue.resume');
  await expect.poll(states, { timeout: 60_000 }).toBe('first.jpg:done,second.jpg:done,third.jpg:done');
  // No second approval was asked: each job's paid size went to fal once.
  expect(app.fake.requests({ route: 'submit' }).map((request) => (request.body as { target_sizes: string[] }).target_sizes)).toEqual([['1080x1080'], ['1080x1080'], ['1080x1080']]);
  await expect(approvals).toBeHidden();
  expect(problems).toEqual([]);
});
