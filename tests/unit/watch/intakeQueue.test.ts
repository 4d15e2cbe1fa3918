import { describe, expect, it } from 'vitest';
import type { StableFile } from '../../../electron/engine/watch/intakeStableFile';
import { IntakeQueue } from '../../../electron/engine/watch/intakeQueue';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const file = (index: number, folderId = 'a'): StableFile => ({ path: `/in/${index}.jpg`, snapshot: { size: 1, mtimeMs: 1 }, folderId, origin: 'folder' });
const indexOf = (stable: StableFile) => Number(/(\d+)\.jpg$/.exec(stable.path)?.[1]);

describe('IntakeQueue', () => {
  it('never runs more than its concurrency and works every file in order of arrival', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const queue = new IntakeQueue(
      3,
      async (stable) => {
        started.push(indexOf(stable));
        running += 1;
        most = Math.max(most, running);
        await tick();
        running -= 1;
        return undefined;
      },
      () => undefined,
    );
    for (let i = 0; i < 50; i += 1) queue.push(file(i));
    expect(queue.count('a')).toBe(50);
    await queue.idle();
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(queue.count('a')).toBe(0);
  });

  it('passes failures (thrown at once or later) to onError and carries on', async () => {
    const errors: number[] = [];
    const done: number[] = [];
    const queue = new IntakeQueue(
      2,
      (stable) => {
        if (indexOf(stable) === 1) throw new Error('sync');
        if (indexOf(stable) === 3) return Promise.reject(new Error('async'));
        done.push(indexOf(stable));
        return Promise.resolve(undefined);
      },
      (_, stable) => errors.push(indexOf(stable)),
    );
    [0, 1, 2, 3, 4].forEach((index) => queue.push(file(index)));
    await queue.idle();
    expect(errors).toEqual([1, 3]);
    expect(done).toEqual([0, 2, 4]);
    expect(queue.count('a')).toBe(0);
  });

  it("discards one folder's files not yet started, keeps the running one and the other folders'", async () => {
    const done: string[] = [];
    const queue = new IntakeQueue(
      1,
      async (stable) => {
        await tick();
        done.push(`${stable.folderId}${indexOf(stable)}`);
        return undefined;
      },
      () => undefined,
    );
    [file(1, 'a'), file(2, 'b'), file(3, 'a'), file(4, 'b'), file(5, 'a')].forEach((stable) => queue.push(stable));
    expect([queue.count('a'), queue.count('b')]).toEqual([3, 2]);
    queue.discard('a');
    // a1 is being worked on: it still counts until it is done.
    expect([queue.count('a'), queue.count('b')]).toEqual([1, 2]);
    queue.push(file(6, 'a'));
    await queue.idle();
    expect(done).toEqual(['a1', 'b2', 'b4', 'a6']);
    expect([queue.count('a'), queue.count('b')]).toEqual([0, 0]);
  });

  it('announces after the file stopped counting, and discardAll drops every waiting file', async () => {
    const seen: number[] = [];
    const queue = new IntakeQueue(1, async () => () => seen.push(queue.count('a')), () => undefined);
    [1, 2, 3].forEach((index) => queue.push(file(index)));
    queue.discardAll();
    await queue.idle();
    expect(seen).toEqual([0]);
  });
});
