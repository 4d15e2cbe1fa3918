import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, inject } from 'vitest';
import { openJobStore, type JobStore } from '../../../electron/engine/store';
import { openPostgresStore } from '../../../electron/engine/store/postgres/pgJobStore';
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

/** Which store these tests run on: the `postgres` vitest project sets SMART_RESIZE_TEST_STORE (see vitest.config.ts). */
export const TEST_STORE_KIND = process.env.SMART_RESIZE_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

let schemas = 0;
/** Tells apart files a reused worker process (same pid) runs one after another: each store gets an empty schema. */
const RUN = randomBytes(4).toString('hex');

/**
 * Opens a store with a fake clock: SQLite in `dataDir`, or, in the `postgres` project, a fresh schema of the run's
 * throw-away PostgreSQL cluster (the repository tests are the same for both implementations).
 */
export function openTestStore(dataDir: string, clock: FakeClock = fakeClock()): JobStore {
  if (TEST_STORE_KIND === 'sqlite') return openJobStore(dataDir, { now: clock.now });
  const url = inject('pgUrl');
  schemas += 1;
  return openPostgresStore(url, { now: clock.now, schema: `t_${process.pid}_${RUN}_${schemas}`, instance: 'test-instance', maxConnections: 4 });
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
