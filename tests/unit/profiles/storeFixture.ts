import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { ProfileStore } from '../../../electron/engine/profiles';

/** A fresh data folder per test, a clock that ticks one minute per call, and sequential ids. */
export function useProfileStoreFolder(): { dataDir: () => string; open: () => ProfileStore } {
  let dataDir = '';
  let tick = 0;
  let nextId = 0;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sr-profiles-'));
    tick = 0;
    nextId = 0;
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  return {
    dataDir: () => dataDir,
    open: () =>
      new ProfileStore({
        dataDir,
        now: () => new Date(Date.UTC(2025, 4, 1, 12, tick++)),
        newId: () => `id-${++nextId}-${Math.random().toString(36).slice(2, 8)}`,
      }),
  };
}
