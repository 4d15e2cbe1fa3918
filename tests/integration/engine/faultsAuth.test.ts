import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { outputProblems } from '../../support/engine/outputChecks';
import { untilEngine } from '../../support/engine/engineWaits';
import { writeTestJpeg } from '../../support/engine/testImages';
import { USER_LOCKED_DETAIL, WRONG_KEY_DETAIL } from '../../support/fakeFal';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Waits until the queue is paused and every job is back in line (not running, not failed). */
async function waitForPausedQueue(current: EngineHarness, jobCount: number): Promise<void> {
  await untilEngine(
    current.engine,
    async () => {
      const status = current.engine.queueStatus();
      const jobs = await current.jobs();
      const waiting = jobs.length === jobCount && jobs.every((job) => job.state === 'queued');
      return status.state === 'paused' && status.running === 0 && waiting ? true : undefined;
    },
    {
      what: 'a paused queue with every job queued',
      describe: async () => `${JSON.stringify(current.engine.queueStatus())} ${(await current.jobs()).map((job) => `${job.sourceName}:${job.state}`).join(', ')}`,
    },
  );
}

describe('fal refusing the account', () => {
  it('pauses the whole queue on 401 with fal\'s reason, keeps the jobs, and runs them once the key is fixed', async () => {
    harness = await startEngineHarness({ falKey: 'not-the-right-key' });
    const { engine, fake, watched, store } = harness;
    await writeTestJpeg(join(watched, 'first.jpg'), 400);
    await writeTestJpeg(join(watched, 'second.jpg'), 401);

    await waitForPausedQueue(harness, 2);
    const paused = engine.queueStatus();
    expect(paused.reason).toContain('HTTP 401');
    expect(paused.reason).toContain(WRONG_KEY_DETAIL);
    expect((await harness.jobs()).map((job) => [job.state, job.attempts, job.errorCode])).toEqual([
      ['queued', 0, null],
      ['queued', 0, null],
    ]);
    expect(fake.requests().filter((record) => record.auth === 'wrong').length).toBeGreaterThan(0);
    expect(fake.countSubmits()).toBe(0);

    // The person saves the right key, as in Settings: that alone lifts the pause fal's refusal caused.
    await harness.api.falKey.set({ key: fake.key });
    const done = await harness.waitForJobs(2, ['done']);
    for (const job of done) {
      expect(harness.submitsOf(job).filter((record) => record.auth === 'valid' && record.outcome === 200)).toHaveLength(1);
      expect(await outputProblems(await store.outputs.listOutputs(job.id))).toEqual([]);
    }
    expect(engine.queueStatus().state).toBe('running');
  });

  it('pauses on 403 "User is locked" with fal\'s reason, keeps the jobs, and resumes after the balance is topped up', async () => {
    harness = await startEngineHarness();
    const { engine, fake, watched } = harness;
    const locked = fake.failNext('submit', { status: 403 }, { times: Infinity });
    await writeTestJpeg(join(watched, 'first.jpg'), 410);
    await writeTestJpeg(join(watched, 'second.jpg'), 411);

    await waitForPausedQueue(harness, 2);
    expect(engine.queueStatus().reason).toContain(USER_LOCKED_DETAIL);
    expect(fake.jobs()).toEqual([]);
    // While paused nothing is sent: a file arriving now wakes the scheduler (as every new job does) and is queued,
    // and the submit count stays where the pause found it.
    const submitsWhilePaused = fake.countSubmits();
    await writeTestJpeg(join(watched, 'third.jpg'), 412);
    await waitForPausedQueue(harness, 3);
    expect(fake.countSubmits()).toBe(submitsWhilePaused);

    locked.cancel();
    engine.resume();
    const done = await harness.waitForJobs(3, ['done']);
    for (const job of done) {
      expect(job.attempts).toBe(0);
      expect(harness.submitsOf(job).filter((record) => record.outcome === 200)).toHaveLength(1);
    }
    expect(fake.jobs()).toHaveLength(3);
  });
});
