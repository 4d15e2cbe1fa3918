import { existsSync, readFileSync } from 'node:fs';
import { collectPageProblems, openApp, screenshot } from '../support/e2e/appPage';
import { expect, test } from '../support/e2e/appTest';
import { runReviewJob } from '../support/e2e/reviewSetup';
import { jobViewLink } from '../../renderer/src/shell/routes';

// The focal point and keep boxes against the real serve and engine: drawn on the job view's source, saved per
// content and in an XMP sidecar, the local sizes made again at once (free), the fal size priced for a re-run.

const SIZES = [
  { width: 1080, height: 1920, policy: 'local' as const },
  { width: 1080, height: 1080, policy: 'local' as const },
  { width: 1080, height: 1350, policy: 'fal' as const },
];

// An ordinary photo with no lettering: where its story crop falls depends on what detection finds (faces, objects,
// saliency), so the keep box is drawn on whichever side that crop leaves out, not at a fixed place.
const MARKS_PHOTO = '../shared/corpus/2569067123_aca715a2ee_o.jpg';

test('a keep box drawn on the source and a clicked focal point remake the local sizes around them, and price the fal size', async ({ page, app }) => {
  const problems = collectPageProblems(page);
  const { jobId, sourcePath } = await runReviewJob(app, 'Marks', SIZES, MARKS_PHOTO);
  const before = await app.call('jobs.detail', { id: jobId });
  const source = before.source!;
  const storyBefore = before.outputs.find((output) => output.target === '1080x1920')!;
  const shown = storyBefore.layout!.sourceRegion;
  const leftOut = shown.left;
  const rightOut = source.width - (shown.left + shown.width);
  // A 9:16 story of a 2725x2225 photo leaves at least a fifth of its width out on one side or the other.
  expect(Math.max(leftOut, rightOut)).toBeGreaterThan(source.width * 0.2);
  const boxWidth = Math.round(source.width * 0.1);
  const boxLeft = rightOut >= leftOut ? source.width - boxWidth - 20 : 20;
  const box = { left: boxLeft, top: Math.round(source.height * 0.4), width: boxWidth, height: Math.round(source.height * 0.15) };
  const storyBytes = readFileSync(storyBefore.path);

  await openApp(page, app, jobViewLink(jobId));
  await page.getByRole('button', { name: 'Focal point and keep boxes' }).click();
  const stage = (await page.getByTestId('source-stage').boundingBox())!;
  const at = (x: number, y: number) => ({ x: stage.x + (x / source.width) * stage.width, y: stage.y + (y / source.height) * stage.height });
  // Drag a box on the side the story leaves out, then click a focal point in it.
  const from = at(box.left, box.top);
  const to = at(box.left + box.width, box.top + box.height);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2);
  await page.mouse.move(to.x, to.y);
  await page.mouse.up();
  const focusAt = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  const focus = at(focusAt.x, focusAt.y);
  await page.mouse.click(focus.x, focus.y);
  await expect(page.getByTestId('keep-box')).toHaveCount(1);
  await expect(page.getByTestId('focus-mark')).toHaveCount(1);
  await screenshot(page, 'source-marks-editing');

  await page.getByRole('button', { name: 'Save and remake local sizes' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Made again locally' });
  await expect(status).toContainText('Made again locally, free: 1080x1080, 1080x1920.');
  await expect(status).toContainText(/1080x1350 came from fal and stay as they are; re-running it at fal with these marks would cost \$0\.\d\d/);
  await expect(page.getByText('Focal point set · 1 keep box')).toBeVisible();

  // The story now shows the whole box; its file was replaced at the same path; the fal output is untouched.
  const after = await app.call('jobs.detail', { id: jobId });
  const story = after.outputs.find((output) => output.target === '1080x1920')!;
  expect(story.path).toBe(storyBefore.path);
  const region = story.layout!.sourceRegion;
  // The box as drawn on screen maps back to source pixels within a few pixels of the stage's scale.
  const slack = source.width / stage.width * 3;
  expect(region.left).toBeLessThanOrEqual(box.left + slack);
  expect(region.left + region.width).toBeGreaterThanOrEqual(box.left + box.width - slack);
  expect(readFileSync(story.path).equals(storyBytes)).toBe(false);
  const fal = (detail: typeof after) => detail.outputs.find((output) => output.target === '1080x1350')!;
  expect(fal(after).bytes).toBe(fal(before).bytes);
  const marks = await app.call('marks.get', { jobId });
  expect(marks.marks?.keep).toHaveLength(1);
  expect(marks.marks?.focus?.x).toBeCloseTo(focusAt.x / source.width, 1);
  expect(existsSync(`${sourcePath}.xmp`)).toBe(true);
  await page.locator('.output-tile[data-target="1080x1920"] .tile-picture').hover();
  await expect.poll(async () => page.locator('.output-tile img').count()).toBe(SIZES.length);
  await screenshot(page, 'source-marks-saved');

  // The panel's re-run of the fal size, at the price it showed: one more request, charged exactly that.
  const { quote } = await app.call('review.falRerunOffer', { jobId, path: fal(after).path });
  // Charged at the tier fal names, the quote's minimum (its top is 4K's, for an answer naming no tier).
  const quoted = quote!.minCents;
  const charged = async () => (await app.call('spend.ledger', { limit: 100 })).rows.filter((row) => row.kind === 'charge').map((row) => row.cents);
  const chargesBefore = await charged();
  await page.getByRole('button', { name: `Re-run 1080x1350 at fal · $${(quoted / 100).toFixed(2)} – $${(quote!.maxCents / 100).toFixed(2)}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Made again at fal' })).toContainText(`Made again at fal for $${(quoted / 100).toFixed(2)}: 1080x1350 (version 2).`);
  await expect(page.getByText("fal's smart-resize takes no focal point or keep boxes")).toBeVisible();
  expect(await charged()).toEqual([quoted, ...chargesBefore]);
  await screenshot(page, 'source-marks-fal-rerun');
  expect(problems).toEqual([]);
});
