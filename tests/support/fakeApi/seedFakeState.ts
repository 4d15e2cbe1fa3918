import type { Folder, JobState, Profile } from '../../../electron/shared';
import { FAKE_NAMING_TEMPLATE, FAKE_PRESETS } from './fakePresets';
import { makeFakeJob } from './fakeJobFactory';
import { fakeBatch, nextFakeId, type FakeState } from './fakeState';

/** Options of the seeded data. */
export interface SeedOptions {
  /** Extra finished jobs for the history (the 10,000-job screenshots and benches). */
  bulkJobs?: number;
  /** "Now" for the seeded timestamps. */
  now?: number;
  /** Jobs of the Spring Sale folder held as a burst awaiting the go-ahead (default none). */
  heldBurst?: number;
}

/** A small deterministic random source so every run seeds the same data. */
function seededRandom(seed: number): () => number {
  let value = seed;
  return () => {
    value = (value * 1_103_515_245 + 12_345) % 2_147_483_648;
    return value / 2_147_483_648;
  };
}

function profileFrom(presetIndex: number, id: string, builtIn: boolean, now: number, name?: string): Profile {
  const preset = FAKE_PRESETS[presetIndex]!;
  return { ...structuredClone(preset.draft), name: name ?? preset.name, id, version: builtIn ? 1 : 3, builtIn, updatedAt: now - 86_400_000 };
}

function folder(id: string, path: string, profileId: string, extra: Partial<Folder>): Folder {
  return {
    id, path, profileId, enabled: true, recursive: false, polling: false, trusted: false,
    status: 'watching', statusReason: null, counts: { waiting: 0, done: 0, failed: 0 }, ...extra,
  };
}

const PHOTO_NAMES = ['hero-shot', 'IMG_2041', 'lookbook-07', 'product_bottle', 'DSC04412', 'banner-base', 'team-offsite', 'summer-dress', 'sneaker-side', 'cafe-interior', 'skyline-dusk', 'logo-lockup'];

const FAILURES: Array<{ code: string; message: string }> = [
  { code: 'content_policy_violation', message: 'fal refused the image: The content was flagged by the safety checker (content_policy_violation).' },
  { code: 'truncated_image', message: 'IMG_2041.jpg is truncated: the file ends before the image data does. Export it again.' },
  { code: 'output_not_writable', message: 'Cannot write to /home/demo/Campaigns/Spring Sale-1080x1350: permission denied.' },
  { code: 'rate_limited', message: 'fal is busy (429 Too Many Requests): trying again in a minute.' },
];

/** The fake's starting data: profiles from presets, four folders in each status, and jobs in every state. */
export function seedFakeState(options: SeedOptions = {}): FakeState {
  const now = options.now ?? Date.now();
  const random = seededRandom(42);
  const profiles = [
    profileFrom(0, 'prof_meta', true, now),
    profileFrom(1, 'prof_iab', true, now),
    profileFrom(0, 'prof_spring', false, now, 'Spring sale — Meta'),
    profileFrom(2, 'prof_youtube', false, now, 'YouTube thumbnails'),
  ];
  const folders = [
    folder('fold_spring', '/home/demo/Campaigns/Spring Sale', 'prof_spring', {}),
    folder('fold_banners', '/home/demo/Campaigns/Display Banners', 'prof_iab', { recursive: true, trusted: true }),
    folder('fold_nas', '/mnt/agency-nas/Incoming', 'prof_meta', {
      polling: true, status: 'standby', statusReason: 'The folder is not reachable (the share is not mounted). Watching resumes when it is back.',
    }),
    folder('fold_old', '/home/demo/Old Exports', 'prof_youtube', { enabled: false, status: 'disabled' }),
  ];
  const state: FakeState = {
    profiles, folders, jobs: [], falKey: { configured: true, storage: 'safeStorage' }, paused: null, online: true, batch: null, nextId: 0,
    spend: {
      budget: { dailyCapCents: null, monthlyCapCents: null, folderCaps: [], burstFiles: 20, burstWindowMinutes: 1 },
      burstJobIds: new Set(),
      reservedCents: 0,
    },
    settings: {
      concurrency: 2, defaultProvider: 'fal', namingTemplate: FAKE_NAMING_TEMPLATE, collisionPolicy: 'suffix', falProxyUrl: null, settleMs: 2000, pixelLimit: 268_402_689, falDeadlineSeconds: 600,
      confirmAboveCents: 2000, dataFolder: '/home/demo/.config/Smart Resize Desktop', closeToTray: true, startAtLogin: false,
    },
  };
  const add = (stateName: JobState, ageMs: number, extra: { progress?: number; failure?: number; folder?: number } = {}) => {
    const folderEntry = folders[extra.folder ?? Math.floor(random() * 2)]!;
    const profile = profiles.find((candidate) => candidate.id === folderEntry.profileId)!;
    const name = `${PHOTO_NAMES[Math.floor(random() * PHOTO_NAMES.length)]}-${Math.floor(random() * 900 + 100)}.jpg`;
    state.jobs.push(makeFakeJob({
      id: nextFakeId(state, 'job'), sourcePath: `${folderEntry.path}/${name}`, profile, folderId: folderEntry.id, state: stateName,
      createdAt: now - ageMs, progress: extra.progress, error: extra.failure === undefined ? undefined : FAILURES[extra.failure],
      provider: profile.sizes[0]?.policy === 'local' ? 'local' : 'fal',
    }));
  };
  const bulk = options.bulkJobs ?? 0;
  for (let index = 0; index < bulk; index += 1) {
    const failed = random() < 0.06;
    add(failed ? 'failed' : 'done', 3 * 86_400_000 + (bulk - index) * 60_000, failed ? { failure: index % 3 } : {});
  }
  for (let index = 0; index < 40; index += 1) add('done', 2 * 86_400_000 - index * 2_000_000);
  add('failed', 5_400_000, { failure: 0 });
  add('failed', 4_000_000, { failure: 1, folder: 1 });
  add('cancelled', 3_000_000);
  add('failed', 2_000_000, { failure: 2 });
  for (let index = 0; index < 6; index += 1) add('done', 1_500_000 - index * 120_000);
  add('retry_scheduled', 200_000, { failure: 3 });
  add('uploading', 90_000, { progress: 0.32 });
  add('downloading', 60_000, { progress: 0.78 });
  for (let index = 0; index < 4; index += 1) add('queued', 30_000 - index * 1000);
  for (let index = 0; index < (options.heldBurst ?? 0); index += 1) {
    add('waiting_budget', 20_000 - index * 100, { folder: 0 });
    state.spend.burstJobIds.add(state.jobs.at(-1)!.id);
  }
  state.jobs.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  state.batch = fakeBatch(9, 2, now - 200_000);
  return state;
}
