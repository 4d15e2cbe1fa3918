import { readFileSync } from 'node:fs';
import { collectPageProblems, openApp, screenshot } from '../support/e2e/appPage';
import { expect, test } from '../support/e2e/appTest';
import { runReviewJob } from '../support/e2e/reviewSetup';
import { jobViewLink } from '../../renderer/src/shell/routes';
import type { AppServer } from '../support/e2e/appServer';

// Re-running one size at fal from the large view, against the real serve and engine (a fake fal that regenerates,
// so a new request makes a new file): the button shows the price first, the ledger gains exactly that one
// request's charge, only that size's file changes, and the Versions list shows the new fal version.

test.use({ appOptions: { fake: { regenerates: true, latency: { processingMs: 300, concurrency: 4 } } } });

const SIZES = [
  { width: 1080, height: 1080, policy: 'fal' as const },
  { width: 1200, height: 628, policy: 'fal' as const },
  { width: 1080, height: 1920, policy: 'local' as const },
];

async function filesOf(app: AppServer, jobId: string): Promise<Map<string, { path: string; bytes: Buffer }>> {
  const detail = await app.call('jobs.detail', { id: jobId });
  return new Map(detail.outputs.map((output) => [output.target, { path: output.path, bytes: readFileSync(output.path) }]));
}

async function charges(app: AppServer) {
  return (await app.call('spend.ledger', { limit: 100 })).rows.filter((row) => row.kind === 'charge');
}

test('a fal re-run of one size shows its price, adds exactly that charge, changes only that file and makes a version', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const { jobId } = await runReviewJob(app, 'Fal rerun sizes', SIZES);
  const before = await filesOf(app, jobId);
  const chargesBefore = await charges(app);
  expect(chargesBefore).toHaveLength(1);
  const square = before.get('1080x1080')!;
  const offer = await app.call('review.falRerunOffer', { jobId, path: square.path });
  expect(offer.reason).toBeNull();
  const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
  // The tier fal names (one price for 1K and 2K) up to 4K's, which the ledger records when fal names none.
  const price = dollars(offer.quote!.minCents);
  expect(offer.quote!.maxCents).toBeGreaterThan(offer.quote!.minCents);

  await openApp(page, app, jobViewLink(jobId));
  await page.getByRole('button', { name: 'Open 1080x1080 large' }).click();
  const large = page.getByRole('dialog', { name: '1080x1080 large' });
  const panel = large.getByRole('region', { name: 'Re-run at fal' });
  const button = panel.getByRole('button', { name: `Re-run at fal · ${price} – ${dollars(offer.quote!.maxCents)}` });
  await expect(panel.getByTestId('quote-reason')).toHaveText('fal may bill the 4K tier: an answer that names no tier is recorded at the 4K price.');
  await expect(button).toBeEnabled();
  await expect(large.locator('img').first()).toBeVisible();
  await screenshot(page, 'review-fal-rerun');

  await button.click();
  await expect.poll(() => readFileSync(square.path).equals(square.bytes), { timeout: 30_000 }).toBe(false);
  await expect(panel.getByRole('status')).toContainText(`Made again at fal for ${price}: version 2.`);
  const after = await filesOf(app, jobId);
  for (const [target, { bytes }] of before) if (target !== '1080x1080') expect(after.get(target)!.bytes.equals(bytes), `${target} untouched`).toBe(true);
  expect(after.get('1080x1080')!.path).toBe(square.path);

  // Exactly one more charge, to the cent what the button said; the job's first charge as it was.
  const chargesAfter = await charges(app);
  expect(chargesAfter).toHaveLength(2);
  const added = chargesAfter.filter((row) => !chargesBefore.some((old) => old.id === row.id));
  expect(added.map((row) => [row.cents, row.images])).toEqual([[offer.quote!.minCents, 1]]);
  expect(chargesAfter.find((row) => row.id === chargesBefore[0]!.id)).toEqual(chargesBefore[0]);

  const versions = large.getByRole('region', { name: 'Versions' });
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await expect(versions.getByRole('listitem').first()).toContainText('re-run at fal');
  await expect(versions.getByRole('listitem').first()).toContainText('fal');
  await screenshot(page, 'review-fal-rerun-done');

  // Without a key the button stays, disabled, and says why.
  await app.call('falKey.clear');
  await large.getByRole('button', { name: 'Close 1080x1080 large' }).click();
  await page.getByRole('button', { name: 'Open 1200x628 large' }).click();
  const banner = page.getByRole('dialog', { name: '1200x628 large' }).getByRole('region', { name: 'Re-run at fal' });
  await expect(banner.getByRole('button', { name: /Re-run at fal/ })).toBeDisabled();
  await expect(banner).toContainText('no fal key is set');
  expect(problems).toEqual([]);
});
