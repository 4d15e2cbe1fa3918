import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { collectPageProblems, openApp, screenshot } from '../support/e2e/appPage';
import { expect, test } from '../support/e2e/appTest';
import { queueAndWait, runReviewJob } from '../support/e2e/reviewSetup';
import { readZip } from '../support/zip/readZip';
import { jobViewLink } from '../../renderer/src/shell/routes';

// Files out of the browser against the real serve and engine: one output, a job's zip and the contact sheet's zip,
// each holding exactly the bytes the engine wrote, sizes as folders.

const SIZES = [
  { width: 400, height: 400, policy: 'local' as const },
  { width: 600, height: 314, policy: 'local' as const },
];

test('a job, one of its outputs, and a contact sheet download from the browser with every output inside', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const { jobId, profileId } = await runReviewJob(app, 'Zip sizes', SIZES);
  const second = await queueAndWait(app, profileId, '../shared/corpus/Landscape_6.jpg');
  const details = [await app.call('jobs.detail', { id: jobId }), await app.call('jobs.detail', { id: second.jobId })];

  await openApp(page, app, jobViewLink(jobId));
  const [jobZip] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download zip' }).click()]);
  expect(jobZip.suggestedFilename()).toBe('Landscape_1.zip');
  const files = await readZip(readFileSync((await jobZip.path())!));
  expect([...files.keys()].sort()).toEqual(['400x400/Landscape_1.jpg', '600x314/Landscape_1.jpg']);
  for (const output of details[0]!.outputs) expect(files.get(`${output.target}/${basename(output.path)}`)!.equals(readFileSync(output.path)), output.target).toBe(true);

  const [one] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download 600x314' }).click()]);
  const banner = details[0]!.outputs.find((output) => output.target === '600x314')!;
  expect(readFileSync((await one.path())!).equals(readFileSync(banner.path))).toBe(true);
  await screenshot(page, 'review-downloads');

  await openApp(page, app, '#/history');
  await page.getByRole('link', { name: 'Contact sheet' }).click();
  await expect(page.getByRole('table', { name: 'Contact sheet' }).getByRole('row')).toHaveCount(3);
  const [sheetZip] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download zip' }).click()]);
  expect(sheetZip.suggestedFilename()).toBe('smart-resize-2-jobs.zip');
  const batch = await readZip(readFileSync((await sheetZip.path())!));
  const expected = details.flatMap((detail) => detail.outputs.map((output) => `${output.target}/${basename(output.path)}`));
  expect([...batch.keys()].sort()).toEqual(expected.sort());
  expect(problems).toEqual([]);
});
