import { appendFile, mkdtemp, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileSnapshot } from '../../../electron/engine/intake/fileSnapshot';
import { StabilityTracker } from '../../../electron/engine/watch';

const SETTLE_MS = 120;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function snapshotOf(path: string): Promise<FileSnapshot> {
  const stats = await stat(path);
  return { size: stats.size, mtimeMs: stats.mtimeMs };
}

/** A tracker whose callbacks resolve promises per path. */
function makeTracker() {
  const stable: { path: string; snapshot: FileSnapshot; context: string }[] = [];
  const gone: string[] = [];
  const waiters: (() => void)[] = [];
  const settled = () => waiters.splice(0).forEach((resolve) => resolve());
  const tracker = new StabilityTracker<string>({
    settleMs: SETTLE_MS,
    onStable: (path, snapshot, context) => {
      stable.push({ path, snapshot, context });
      settled();
    },
    onGone: (path) => {
      gone.push(path);
      settled();
    },
  });
  const next = () => new Promise<void>((resolve) => waiters.push(resolve));
  return { tracker, stable, gone, next };
}

describe('StabilityTracker', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stable-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lets an unchanged file through once, with its snapshot and context', async () => {
    const { tracker, stable, next } = makeTracker();
    const path = join(dir, 'a.jpg');
    await writeFile(path, 'abc');
    const settled = next();
    tracker.observe(path, await snapshotOf(path), 'folder-1');
    tracker.observe(path, await snapshotOf(path), 'folder-1');
    await settled;
    expect(stable).toEqual([{ path, snapshot: await snapshotOf(path), context: 'folder-1' }]);
    expect(tracker.size).toBe(0);
  });

  it('waits while a file keeps growing, even when nobody reports the writes', async () => {
    const { tracker, stable, next } = makeTracker();
    const path = join(dir, 'growing.png');
    await writeFile(path, 'x');
    const settled = next();
    tracker.observe(path, await snapshotOf(path), 'f');
    for (let i = 0; i < 8; i += 1) {
      await pause(SETTLE_MS / 2);
      await appendFile(path, 'more bytes');
      expect(stable).toEqual([]);
    }
    await settled;
    expect(stable.map((entry) => entry.snapshot.size)).toEqual([1 + 8 * 'more bytes'.length]);
  });

  it('drops a file deleted before it is stable', async () => {
    const { tracker, stable, gone, next } = makeTracker();
    const path = join(dir, 'short-lived.jpg');
    await writeFile(path, 'x');
    const settled = next();
    tracker.observe(path, await snapshotOf(path), 'f');
    await unlink(path);
    await settled;
    expect(gone).toEqual([path]);
    expect(stable).toEqual([]);
  });

  it('forgets files on request and counts by context', async () => {
    const { tracker } = makeTracker();
    const snapshot = { size: 1, mtimeMs: 1 };
    tracker.observe(join(dir, 'a.jpg'), snapshot, 'one');
    tracker.observe(join(dir, 'b.jpg'), snapshot, 'two');
    tracker.observe(join(dir, 'c.jpg'), snapshot, 'two');
    expect(tracker.countWhere((_, context) => context === 'two')).toBe(2);
    tracker.forgetWhere((_, context) => context === 'two');
    tracker.forget(join(dir, 'a.jpg'));
    expect(tracker.size).toBe(0);
  });
});
