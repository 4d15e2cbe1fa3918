import { readFileSync } from 'node:fs';
import { collectPageProblems, openApp, screenshot } from '../support/e2e/appPage';
import { expect, test } from '../support/e2e/appTest';
import { runReviewJob } from '../support/e2e/reviewSetup';
import { jobViewLink } from '../../renderer/src/shell/routes';
import type { AppServer } from '../support/e2e/appServer';

// Switching one size's method from the large view, against the real serve and engine (fake fal): the local engine
// makes exactly that size again (crop, pad, another fill style), free, as a new version; every other file stays
// byte for byte, and a fal-made size switched to a crop becomes a local output.

const SIZES = [
  { width: 1080, height: 1080, policy: 'local' as const },
  { width: 1080, height: 1920, policy: 'local' as const },
  { width: 1080, height: 1350, policy: 'fal' as const },
];

/** Each output's path and bytes now, by size. */
async function filesOf(app: AppServer, jobId: string): Promise<Map<string, { path: string; bytes: Buffer }>> {
  const detail = await app.call('jobs.detail', { id: jobId });
  return new Map(detail.outputs.map((output) => [output.target, { path: output.path, bytes: readFileSync(output.path) }]));
}

async function outputOf(app: AppServer, jobId: string, target: string) {
  return (await app.call('jobs.detail', { id: jobId })).outputs.find((output) => output.target === target)!;
}

test('switching one size to crop, pad or another fill remakes exactly that file, free, and a fal size becomes local', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const { jobId } = await runReviewJob(app, 'Method sizes', SIZES);
  const spendBefore = await app.call('spend.summary');
  const story = await outputOf(app, jobId, '1080x1920');
  await openApp(page, app, jobViewLink(jobId));

  /** Clicks a button of the large view's method panel and waits until only `target`'s file changed. */
  const switchAndCheck = async (target: string, group: 'Layout method' | 'Fill style', button: string) => {
    const before = await filesOf(app, jobId);
    const panel = page.getByRole('dialog', { name: `${target} large` }).getByRole('region', { name: 'Method' });
    await panel.getByRole('group', { name: group }).getByRole('button', { name: button }).click();
    const file = before.get(target)!;
    await expect.poll(() => readFileSync(file.path).equals(file.bytes), { timeout: 20_000 }).toBe(false);
    await expect(panel.getByRole('status')).toHaveCount(0);
    const after = await filesOf(app, jobId);
    for (const [other, { bytes }] of before) if (other !== target) expect(after.get(other)!.bytes.equals(bytes), `${other} untouched`).toBe(true);
    expect(after.get(target)!.path).toBe(file.path);
  };

  await page.getByRole('button', { name: 'Open 1080x1920 large' }).click();
  // The tall story of a 4:3 photo: switch it to the method it was not made by, then to another fill style.
  const firstMethod = story.layout!.method === 'crop' ? 'Pad' : 'Crop';
  await switchAndCheck('1080x1920', 'Layout method', firstMethod);
  const switched = await outputOf(app, jobId, '1080x1920');
  expect(switched.layout!.method === 'crop').toBe(firstMethod === 'Crop');
  await switchAndCheck('1080x1920', 'Fill style', 'Solid');
  const solid = await outputOf(app, jobId, '1080x1920');
  expect(solid.layout).toMatchObject({ method: 'pad', fill: 'solid' });
  expect(solid.layout!.sourceRegion).toEqual({ left: 0, top: 0, width: 600, height: 450 });
  const large = page.getByRole('dialog', { name: '1080x1920 large' });
  await expect(large.getByRole('region', { name: 'Versions' }).getByRole('listitem')).toHaveCount(3);
  await expect(large.getByRole('region', { name: 'Versions' })).toContainText('method switched');
  await expect(large.getByRole('group', { name: 'Fill style' }).getByRole('button', { name: 'Solid' })).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'review-method-switch');
  await large.getByRole('button', { name: 'Close 1080x1920 large' }).click();

  // A size fal recomposed, switched to a crop: made locally now, with a frame on the source.
  expect((await outputOf(app, jobId, '1080x1350')).provider).toBe('fal');
  await page.getByRole('button', { name: 'Open 1080x1350 large' }).click();
  await switchAndCheck('1080x1350', 'Layout method', 'Crop');
  const cropped = await outputOf(app, jobId, '1080x1350');
  expect(cropped).toMatchObject({ provider: 'local', tier: null, layout: { method: 'crop', fill: null } });

  expect(await app.call('spend.summary')).toEqual(spendBefore);
  expect(problems).toEqual([]);
});
