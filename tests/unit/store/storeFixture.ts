import { afterEach, beforeEach } from 'vitest';
import { openJobStore, type JobStore } from '../../../electron/engine/store';
import type { NewJob } from '../../../electron/engine/store';
import { tempDirs } from './tempDir';

/** A controllable clock: starts at a fixed instant and moves only when told. */
export interface FakeClock {
  now: () => number;
  advance: (ms: number) => void;
}

/** A clock at 2025-01-01T00:00:00Z that ticks only on `advance`. */
export function fakeClock(start = Date.UTC(2025, 0, 1)): FakeClock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

/** Opens a store in `dataDir` with a fake clock. */
export function openTestStore(dataDir: string, clock: FakeClock = fakeClock()): JobStore {
  return openJobStore(dataDir, { now: clock.now });
}

let counter = 0;

/** A job for intake with a unique hash unless overridden. */
export function newJob(overrides: Partial<NewJob> = {}): NewJob {
  counter += 1;
  return {
    contentHash: `hash-${counter}`,
    profileId: 'meta-ads',
    profileVersion: 1,
    sourcePath: `/watch/in/image-${counter}.jpg`,
    sourceName: `image-${counter}.jpg`,
    sourceSize: 1000 + counter,
    folderId: 'folder-a',
    origin: 'folder',
    provider: 'fal',
    ...overrides,
  };
}

/**
 * Opens a fresh store with a fake clock in a temp folder before each test of the file, hands both to `onOpened`
 * (the test file keeps them in its own variables), and closes and deletes it after each test.
 */
export function useFreshStore(onOpened: (opened: { store: JobStore; clock: FakeClock }) => void): void {
  const dirs = tempDirs();
  let store: JobStore | undefined;
  beforeEach(() => {
    const clock = fakeClock();
    store = openTestStore(dirs.make(), clock);
    onOpened({ store, clock });
  });
  afterEach(async () => {
    await store?.close();
    dirs.cleanup();
  });
}
