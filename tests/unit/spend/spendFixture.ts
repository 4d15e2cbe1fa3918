import { afterEach } from 'vitest';
import { ProfileSchema, type Profile } from '../../../electron/engine/profiles';
import { createSpendParts, type SpendParts } from '../../../electron/engine/runtime/spendParts';
import { SettingsSchema, type Settings } from '../../../electron/engine/settings/settingsSchema';
import type { JobRecord, JobStore } from '../../../electron/engine/store';
import { fakeClock, newJob, openTestStore, type FakeClock } from '../store/storeFixture';
import { tempDirs } from '../store/tempDir';

/** The engine's spend parts over a real store in a temp folder, with settings, profiles and folders held in memory. */
export interface SpendFixture {
  readonly store: JobStore;
  readonly spend: SpendParts;
  readonly clock: FakeClock;
  settings: Settings;
  readonly notices: string[];
  /** How many times held work was put back in line (the scheduler woken). */
  readonly requeues: { count: number };
  /** A new job of a folder (default folder-a, untrusted), moved to `preparing` as a scheduler claim does. */
  claimedJob(folderId?: string | null): Promise<JobRecord>;
}

/** The profile every fixture job uses: two fal sizes, one image each, 1K hint. */
const FIXTURE_PROFILE: Profile = ProfileSchema.parse({
  id: 'meta-ads',
  version: 1,
  name: 'Meta ads',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  sizes: [
    { width: 1080, height: 1080, policy: 'fal' },
    { width: 800, height: 1000, policy: 'fal' },
  ],
  output: { format: 'jpeg', quality: 85 },
});

/** The fixture clock's default first instant (local time matters for days and months). */
const FIXTURE_START = new Date(2025, 0, 8, 12).getTime();

/** Opens the fixture; `start` is the clock's first instant. */
function openSpendFixture(dataDir: string, start = FIXTURE_START): SpendFixture {
  const clock = fakeClock(start);
  return spendFixtureOver(openTestStore(dataDir, clock), clock);
}

/**
 * The engine's spend parts over a store the caller opened (one instance of a team, say) and its clock; the caller
 * closes the store.
 */
export function spendFixtureOver(store: JobStore, clock: FakeClock = fakeClock(FIXTURE_START)): SpendFixture {
  const notices: string[] = [];
  const requeues = { count: 0 };
  const fixture: SpendFixture = {
    store,
    clock,
    settings: SettingsSchema.parse({
      folders: [
        { id: 'folder-a', path: '/watch/a', profileId: 'meta-ads' },
        { id: 'folder-t', path: '/watch/trusted', profileId: 'meta-ads', trusted: true },
      ],
    }),
    notices,
    requeues,
    spend: undefined as unknown as SpendParts,
    claimedJob: async (folderId = 'folder-a') => {
      const { job } = await store.jobs.insertJobIfNew(newJob({ folderId }));
      return store.jobs.transition(job.id, 'preparing');
    },
  };
  const spend = createSpendParts({
    store,
    now: clock.now,
    settings: () => fixture.settings,
    saveBudget: (patch) => void (fixture.settings = SettingsSchema.parse({ ...fixture.settings, ...patch })),
    profileVersion: () => FIXTURE_PROFILE,
    folder: (id) => fixture.settings.folders.find((folder) => folder.id === id),
    wake: () => void (requeues.count += 1),
    cancel: async (jobId) => void (await store.jobs.cancel(jobId)),
    notify: (_kind, message) => void notices.push(message),
  });
  Object.assign(fixture, { spend });
  return fixture;
}

/**
 * For a test file: `open(start?)` makes a fixture in a fresh temp folder; each test's fixtures are closed and their
 * folders deleted after it.
 */
export function useSpendFixtures(): { open: (start?: number) => SpendFixture } {
  const dirs = tempDirs();
  const opened: SpendFixture[] = [];
  afterEach(async () => {
    for (const fixture of opened.splice(0)) await fixture.store.close();
    dirs.cleanup();
  });
  return {
    open: (start) => {
      const fixture = openSpendFixture(dirs.make(), start);
      opened.push(fixture);
      return fixture;
    },
  };
}
