import type { FalClient } from '@fal-ai/client';
import { describe, expect, it } from 'vitest';
import { waitForResult } from '../../../electron/engine/fal/falBatchRunner';
import type { PollSchedule } from '../../../electron/engine/fal/falRunTimes';

type Status = { status: 'IN_QUEUE'; queue_position: number } | { status: 'IN_PROGRESS' } | { status: 'COMPLETED' };

/** A client whose status calls answer `statuses` in turn; every call is logged in order. */
function scriptedClient(statuses: Status[], log: string[]): FalClient {
  const queue = {
    status: async () => {
      const next = statuses.shift() ?? { status: 'COMPLETED' };
      log.push(`status ${next.status}`);
      return next;
    },
    result: async () => {
      log.push('result');
      return { data: { images: [], results: [] }, requestId: 'r1' };
    },
  };
  return { queue } as unknown as FalClient;
}

/** A schedule with fixed delays that records what it was asked. */
function recordingSchedule(delayMs: number, log: string[]): PollSchedule & { elapsed: number[]; learned: number[] } {
  const elapsed: number[] = [];
  const learned: number[] = [];
  return {
    elapsed,
    learned,
    nextDelay: (ms) => {
      elapsed.push(ms);
      log.push(`wait ${delayMs}`);
      return delayMs;
    },
    completed: (ms) => void learned.push(ms),
  };
}

describe('waitForResult', () => {
  it('polls with the schedule until COMPLETED, frees the fal slot, then fetches the result', async () => {
    const log: string[] = [];
    const client = scriptedClient([{ status: 'IN_QUEUE', queue_position: 1 }, { status: 'IN_PROGRESS' }, { status: 'COMPLETED' }], log);
    const schedule = recordingSchedule(20, log);
    const progress: Array<{ status: string; queuePosition?: number }> = [];
    const body = await waitForResult(client, 'r1', {
      schedule,
      onProgress: (update) => progress.push(update),
      onLeftFal: () => log.push('left fal'),
    });
    expect(body).toEqual({ images: [], results: [] });
    expect(log).toEqual(['status IN_QUEUE', 'wait 20', 'status IN_PROGRESS', 'wait 20', 'status COMPLETED', 'left fal', 'result']);
    expect(progress).toEqual([
      { status: 'IN_QUEUE', queuePosition: 1 },
      { status: 'IN_PROGRESS', queuePosition: undefined },
      { status: 'COMPLETED', queuePosition: undefined },
    ]);
    // Elapsed time grows from poll to poll, and the completed request's time (two waits at least) is learned.
    expect(schedule.elapsed[1]!).toBeGreaterThan(schedule.elapsed[0]!);
    expect(schedule.learned).toHaveLength(1);
    expect(schedule.learned[0]!).toBeGreaterThanOrEqual(38);
  });

  it('stops during a wait between polls as soon as its signal aborts', async () => {
    const log: string[] = [];
    const client = scriptedClient([{ status: 'IN_PROGRESS' }, { status: 'IN_PROGRESS' }], log);
    const controller = new AbortController();
    const waiting = waitForResult(client, 'r1', { schedule: recordingSchedule(60_000, log), signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort('offline');
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(log).toEqual(['status IN_PROGRESS', 'wait 60000']);
  });
});
