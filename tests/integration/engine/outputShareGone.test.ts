import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { outputProblems } from '../../support/engine/outputChecks';
import { writeTestJpeg } from '../../support/engine/testImages';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('the share holding a hot folder and its output folders unmounted while a job is at fal', () => {
  it('waits for the share instead of making its path again on the local disk, then writes its outputs there once', async () => {
    harness = await startEngineHarness({ watchedIn: 'nas' });
    const { fake, root, watched, store } = harness;
    const share = join(root, 'nas');
    const held = fake.holdRunning();
    await writeTestJpeg(join(watched, 'poster.jpg'), 11, 640, 480);
    await harness.waitForJob('poster.jpg', ['submitted']);

    // The share goes (renamed away whole: the hot folder and the sibling output folders with it), then fal answers.
    const away = join(root, 'nas-away');
    await rename(share, away);
    held.release();
    const waiting = await harness.waitForJob('poster.jpg', ['retry_scheduled', 'done', 'failed']);
    expect(waiting.state, waiting.errorMessage ?? waiting.stateReason ?? '').toBe('retry_scheduled');
    expect(waiting.stateReason).toBe(`The folder the outputs go in, ${share}, is not there (drive unplugged or share lost?); tried again until it returns.`);
    expect(waiting.attempts).toBe(0);
    // Nothing was made where the share was: its path is not on the local disk.
    expect(existsSync(share)).toBe(false);

    // The share is back: the result is fetched again by request id (never submitted again) and written on it.
    await rename(away, share);
    const done = await harness.waitForJob('poster.jpg', ['done', 'failed'], 60_000);
    expect(done.state, done.errorMessage ?? '').toBe('done');
    expect(harness.submitsOf(done)).toHaveLength(1);
    const outputs = await store.outputs.listOutputs(done.id);
    expect(outputs.map((output) => dirname(output.path)).sort()).toEqual([join(share, 'photos-1080x1080'), join(share, 'photos-1200x628')]);
    expect(await outputProblems(outputs)).toEqual([]);
  });
});
