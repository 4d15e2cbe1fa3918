import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../electron/engine/api/dispatchCall';
import type { HostServices } from '../../../electron/engine/api/hostServices';
import type { QueueState } from '../../../electron/shared';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { pollUntil } from '../../support/engine/pollUntil';
import { writeTestJpeg } from '../../support/engine/testImages';

const host: HostServices = { openPath: async () => {}, revealPath: async () => {}, pickFolder: async () => null, keyStorage: 'plaintext-fallback' };

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Calls one verb the way a UI does: through the contract's validation, answering the checked value. */
function apiOf(current: EngineHarness) {
  const handlers = current.engine.api(host);
  return async <T>(verb: string, input?: unknown): Promise<T> => {
    const result = await dispatchCall(handlers, verb, input);
    if (!result.ok) throw new Error(`${verb}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
}

/** Waits until the queue says it is paused for `auth` and both jobs are back in line. */
async function authPaused(current: EngineHarness, call: ReturnType<typeof apiOf>): Promise<QueueState> {
  return pollUntil(
    async () => {
      const queue = await call<QueueState>('queue.state');
      const inLine = (await current.jobs()).length === 2 && (await current.jobs()).every((job) => job.state === 'queued');
      return queue.state === 'paused' && queue.pauseCause === 'auth' && inLine && current.engine.queueStatus().running === 0 ? queue : undefined;
    },
    { what: 'an auth pause with both jobs queued', describe: () => JSON.stringify(current.engine.queueStatus()) },
  );
}

describe('what saving a fal key resumes', () => {
  it("leaves the person's own pause alone", async () => {
    harness = await startEngineHarness();
    const call = apiOf(harness);
    await call('queue.pause');
    await call('falKey.set', { key: harness.fake.key });
    const queue = await call<QueueState>('queue.state');
    expect(queue.state).toBe('paused');
    expect(queue.pauseCause).toBe('user');
    await call('queue.resume');
    expect(await call<QueueState>('queue.state')).toMatchObject({ state: 'running', pauseCause: null });
  });

  it('lifts the pause fal caused by refusing the key, and the held jobs run with the new key', async () => {
    harness = await startEngineHarness({ falKey: 'not-the-right-key' });
    const call = apiOf(harness);
    await writeTestJpeg(join(harness.watched, 'first.jpg'), 420);
    await writeTestJpeg(join(harness.watched, 'second.jpg'), 421);
    const paused = await authPaused(harness, call);
    expect(paused.reason).toContain('HTTP 401');

    await call('falKey.set', { key: harness.fake.key });
    expect((await call<QueueState>('queue.state')).pauseCause).toBeNull();
    const done = await harness.waitForJobs(2, ['done']);
    expect(done).toHaveLength(2);
    expect(await call<QueueState>('queue.state')).toMatchObject({ state: 'running', pauseCause: null });
  });

  it('pauses for auth again when the saved key is refused too', async () => {
    harness = await startEngineHarness({ falKey: 'not-the-right-key' });
    const call = apiOf(harness);
    await writeTestJpeg(join(harness.watched, 'first.jpg'), 430);
    await writeTestJpeg(join(harness.watched, 'second.jpg'), 431);
    await authPaused(harness, call);
    const refusedBefore = harness.fake.requests().filter((record) => record.auth === 'wrong').length;

    await call('falKey.set', { key: 'still-not-the-right-key' });
    await pollUntil(() => (harness!.fake.requests().filter((record) => record.auth === 'wrong').length > refusedBefore ? true : undefined), {
      what: 'fal refusing the second key',
    });
    const again = await authPaused(harness, call);
    expect(again.reason).toContain('HTTP 401');
    expect(harness.fake.countSubmits()).toBe(0);
  });
});
