import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../../electron/engine/watch/semaphore';

describe('Semaphore', () => {
  it('runs at most max tasks at once, in arrival order, and frees the slot when a task fails', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task = (id: number) => async () => {
      order.push(id);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      if (id === 1) throw new Error('boom');
      return id;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((id) => semaphore.run(task(id))));
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });
});
