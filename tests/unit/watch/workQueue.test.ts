import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../../electron/engine/watch/workQueue';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('WorkQueue', () => {
  it('never runs more than its concurrency and works every item in order of arrival', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const queue = new WorkQueue<number>(
      3,
      async (item) => {
        started.push(item);
        running += 1;
        most = Math.max(most, running);
        await tick();
        running -= 1;
      },
      () => undefined,
    );
    for (let i = 0; i < 50; i += 1) queue.push(i);
    await queue.idle();
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(queue.size).toBe(0);
  });

  it('passes failures (sync or async) to onError and carries on', async () => {
    const errors: number[] = [];
    const done: number[] = [];
    const queue = new WorkQueue<number>(
      2,
      async (item) => {
        if (item === 1) throw new Error('async');
        done.push(item);
      },
      (_, item) => errors.push(item),
    );
    [0, 1, 2].forEach((item) => queue.push(item));
    await queue.idle();
    expect(errors).toEqual([1]);
    expect(done).toEqual([0, 2]);
  });

  it('discards items not yet started', async () => {
    const done: number[] = [];
    const queue = new WorkQueue<number>(1, async (item) => {
      await tick();
      done.push(item);
    }, () => undefined);
    [1, 2, 3, 4].forEach((item) => queue.push(item));
    queue.discard((item) => item % 2 === 0);
    await queue.idle();
    expect(done).toEqual([1, 3]);
  });
});
