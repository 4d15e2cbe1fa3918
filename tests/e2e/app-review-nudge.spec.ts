import { readFileSync } from 'node:fs';
import { collectPageProblems, openApp, screenshot } from '../support/e2e/appPage';
import { expect, test } from '../support/e2e/appTest';
import { runReviewJob } from '../support/e2e/reviewSetup';
import { jobViewLink } from '../../renderer/src/shell/routes';

// A nudge against the real serve and engine: dragging one size's frame on the source makes that size again
// locally (free); its file changes, every other output stays byte for byte, and the earlier version restores.

test('dragging a frame remakes exactly that size, free, and its first version restores', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const { jobId } = await runReviewJob(app, 'Nudge sizes', [
    { width: 1080, height: 1080, policy: 'local' },
    { width: 1080, height: 1920, policy: 'local' },
    { width: 1200, height: 628, policy: 'local' },
  ]);
  const detail = await app.call('jobs.detail', { id: jobId });
  const files = new Map(detail.outputs.map((output) => [output.target, readFileSync(output.path)]));
  const spendBefore = await app.call('spend.summary');
  const square = detail.outputs.find((output) => output.target === '1080x1080')!;

  await openApp(page, app, jobViewLink(jobId));
  await page.locator('.output-tile[data-target="1080x1080"] .tile-picture').hover();
  const frame = page.locator('.source-frame.active[data-target="1080x1080"]');
  await expect(frame).toHaveAttribute('aria-label', /drag to move the crop/);
  const box = (await frame.boundingBox())!;
  const stage = (await page.getByTestId('source-stage').boundingBox())!;
  // Toward the side with room: the square crop of a 4:3 photo can move left or right.
  const dx = box.x - stage.x > stage.x + stage.width - (box.x + box.width) ? -40 : 40;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();

  await expect.poll(async () => readFileSync(square.path).equals(files.get('1080x1080')!), { timeout: 20_000 }).toBe(false);
  for (const output of detail.outputs.filter((candidate) => candidate.target !== '1080x1080')) {
    expect(readFileSync(output.path).equals(files.get(output.target)!), output.target).toBe(true);
  }
  const moved = (await app.call('jobs.detail', { id: jobId })).outputs.find((output) => output.target === '1080x1080')!;
  expect(Math.sign(moved.layout!.window.left - square.layout!.window.left)).toBe(Math.sign(dx));
  expect(await app.call('spend.summary')).toEqual(spendBefore);
  await expect(page.getByRole('status').filter({ hasText: 'Making the size again' })).toHaveCount(0);
  await screenshot(page, 'review-nudged');

  await page.getByRole('button', { name: 'Open 1080x1080 large' }).click();
  const large = page.getByRole('dialog', { name: '1080x1080 large' });
  await expect(large.getByRole('region', { name: 'Versions' }).getByRole('listitem')).toHaveCount(2);
  await screenshot(page, 'review-versions');
  await large.getByRole('button', { name: 'Restore v1' }).click();
  await expect.poll(async () => readFileSync(square.path).equals(files.get('1080x1080')!), { timeout: 20_000 }).toBe(true);
  await expect(large.getByRole('region', { name: 'Versions' }).getByRole('listitem')).toHaveCount(3);
  expect(problems).toEqual([]);
});
