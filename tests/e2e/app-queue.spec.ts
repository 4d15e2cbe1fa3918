import { collectPageProblems, goTo, openApp, screenshot } from '../support/e2e/appPage';
import { createProfile } from '../support/e2e/appSetup';
import { expect, test } from '../support/e2e/appTest';
import { stageImages } from '../support/e2e/imageWaves';
import { parseCount, parseSeconds, queueSamples, startQueueSampler } from '../support/e2e/queueSampler';
import type { AppServer } from '../support/e2e/appServer';

// The Queue page against the real `serve` (real engine, SQLite, chokidar, WebSocket events) and the fake fal: a
// 20-image batch landing in a watched folder in three waves, as a person copying from a card would see it.

// fal "works" 0.7 s per request, two at a time (a new account's limit): the batch runs long enough to watch.
test.use({ appOptions: { fake: { latency: { processingMs: 700, concurrency: 2 } } } });

async function trustedFolder(app: AppServer, name: string): Promise<string> {
  const profileId = await createProfile(app, `${name} sizes`, [
    { width: 300, height: 300, policy: 'local' },
    { width: 1080, height: 1080, policy: 'fal' },
  ]);
  const path = app.makeFolder(name);
  // Trusted: 20 files at once would otherwise be a burst held for the person's go-ahead.
  await app.call('folders.add', { path, profileId, trusted: true });
  return path;
}

const batchOf = async (app: AppServer) => (await app.call('queue.state')).batch;

test('a 20-image batch: the count only grows, finished only rises, elapsed never goes back, a time left appears, progress never drops', async ({ page, app }) => {
  test.setTimeout(120_000);
  const problems = collectPageProblems(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const inbox = await trustedFolder(app, 'Card dump');
  const waves = [
    await stageImages(app, inbox, 'first', [1, 2, 3, 4]),
    await stageImages(app, inbox, 'second', Array.from({ length: 14 }, (_, index) => 10 + index)),
    await stageImages(app, inbox, 'third', [40, 41]),
  ];
  await openApp(page, app);
  await goTo(page, 'Queue', 'Queue');
  await startQueueSampler(page);

  waves[0]!();
  await expect.poll(async () => (await batchOf(app))?.finished ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  waves[1]!();
  await expect.poll(async () => (await batchOf(app))?.finished ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(6);
  waves[2]!();
  // Mid-batch, as a person sees it, at both window sizes.
  await expect(page.getByTestId('batch-time-left')).toContainText(/About .* left/);
  await screenshot(page, 'queue-mid-batch-1280');
  await page.setViewportSize({ width: 1024, height: 640 });
  await screenshot(page, 'queue-mid-batch-1024');

  await expect(page.getByTestId('batch-count')).toHaveText('Last batch: 20 of 20 finished', { timeout: 60_000 });
  await expect(page.getByTestId('batch-time-left')).toHaveText('Finished');
  await expect(page.getByTestId('batch-elapsed')).toHaveText(/^Took \d+s$/);
  await expect(page.getByText('The queue is empty')).toBeVisible();

  const samples = await queueSamples(page);
  const counts = samples.map((sample) => parseCount(sample.count)).filter((count) => count !== undefined);
  expect(counts.length).toBeGreaterThan(10);
  for (let index = 1; index < counts.length; index += 1) {
    expect(counts[index]!.total, `total went ${counts[index - 1]!.total} -> ${counts[index]!.total}`).toBeGreaterThanOrEqual(counts[index - 1]!.total);
    expect(counts[index]!.finished, `finished went ${counts[index - 1]!.finished} -> ${counts[index]!.finished}`).toBeGreaterThanOrEqual(counts[index - 1]!.finished);
  }
  // The total grew as the waves arrived (up to 4, then 18, then 20).
  expect(counts[0]!.total).toBeLessThanOrEqual(4);
  expect(counts.at(-1)).toEqual({ finished: 20, total: 20 });
  const seconds = samples.map((sample) => parseSeconds(sample.elapsed)).filter((value) => value !== undefined);
  for (let index = 1; index < seconds.length; index += 1) expect(seconds[index], `elapsed ${seconds.join(',')}`).toBeGreaterThanOrEqual(seconds[index - 1]!);
  // A time left once a few were done, from the pace so far; never "estimating" for the whole run.
  expect(samples.some((sample) => /^About .* left$/.test(sample.left) && (parseCount(sample.count)?.finished ?? 0) >= 2)).toBe(true);
  const progress = new Map<string, number[]>();
  for (const sample of samples) for (const [name, value] of sample.rows) progress.set(name, [...(progress.get(name) ?? []), value]);
  expect(progress.size).toBeGreaterThan(5);
  for (const [name, values] of progress) {
    for (let index = 1; index < values.length; index += 1) expect(values[index], `${name}: ${values.join(' -> ')}`).toBeGreaterThanOrEqual(values[index - 1]!);
  }
  expect(problems).toEqual([]);
});

test('a batch nothing can move says what blocks it instead of a time left: paused, budget, offline', async ({ page, app }) => {
  test.setTimeout(90_000);
  const problems = collectPageProblems(page);
  const inbox = await trustedFolder(app, 'Blocked');
  const land = await stageImages(app, inbox, 'blocked', [60, 61, 62]);
  await openApp(page, app);
  await goTo(page, 'Queue', 'Queue');
  const timeLeft = page.getByTestId('batch-time-left');

  await page.getByRole('button', { name: 'Pause' }).click();
  land();
  await expect(page.getByTestId('batch-count')).toHaveText('0 of 3 finished');
  await expect(timeLeft).toHaveText('Blocked: paused — paused by the user');
  await expect(page.locator('.sidebar')).toContainText('Paused · 3 waiting');
  await screenshot(page, 'queue-blocked-paused');

  // A cap below one request's price: nothing can go to fal.
  await app.call('budget.update', { dailyCapCents: 1 });
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(timeLeft).toHaveText(/^Blocked: budget — Daily budget \$0\.01 reached/, { timeout: 20_000 });
  await expect(page.locator('.sidebar')).toContainText('Online · 3 waiting');
  await screenshot(page, 'queue-blocked-budget');

  // The cap lifted while fal cannot be reached.
  await app.fake.stop();
  await app.call('budget.update', { dailyCapCents: null });
  await expect(timeLeft).toHaveText(/^Blocked: offline/, { timeout: 20_000 });
  await expect(page.getByTestId('batch-count')).toHaveText('0 of 3 finished');
  await screenshot(page, 'queue-blocked-offline');

  await app.fake.start();
  await expect(page.getByTestId('batch-count')).toHaveText('Last batch: 3 of 3 finished', { timeout: 30_000 });
  expect(problems).toEqual([]);
});
