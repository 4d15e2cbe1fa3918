// Runs the engine on folders under argv[2] as whatever user started it (the test starts it as an unprivileged
// user, since root reads any file) and prints one JSON line: what became of files it may not read.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProfileStore } from '../../../electron/engine/profiles';
import { Engine } from '../../../electron/engine/runtime/engine';
import { SettingsStore } from '../../../electron/engine/settings/settingsStore';
import { HARNESS_TIMING } from '../../support/engine/engineHarness';
import { untilEngine } from '../../support/engine/engineWaits';
import { makeTestJpeg } from '../../support/engine/testImages';
import { openTestStore } from '../../support/engine/testStore';

const root = process.argv[2]!;
const watched = join(root, 'watched');
const drop = join(root, 'drop');
await mkdir(watched, { recursive: true });
await mkdir(drop, { recursive: true });
const write = async (path: string, seed: number, mode = 0o644) => {
  await writeFile(path, await makeTestJpeg(seed, 160, 120));
  await chmod(path, mode);
};
await write(join(watched, 'locked-in-folder.jpg'), 401, 0o000);
await write(join(drop, 'locked-before.jpg'), 402, 0o000);
await write(join(drop, 'locked-later.jpg'), 403);
await write(join(drop, 'good.jpg'), 404);

// The profile and the folder are in the data folder before the engine starts; the jobs are read through a
// store handle of this script's own (the engine keeps its parts private).
const dataDir = join(root, 'data');
const profile = new ProfileStore({ dataDir }).create({ name: 'Unreadable', sizes: [{ width: 64, height: 64, policy: 'local' }], output: { format: 'jpeg', quality: 80 } });
new SettingsStore(dataDir).addFolder({ id: 'w', path: watched, profileId: profile.id, enabled: true, recursive: false, polling: false, trusted: false });
const engine = new Engine({
  dataDir,
  env: {},
  forceProvider: 'local',
  fetch: (async () => new Response(null, { status: 204 })) as unknown as typeof fetch,
  timing: HARNESS_TIMING,
});
const notices: string[] = [];
engine.events.on('notice', (notice: { message: string }) => notices.push(notice.message));
await engine.start();

// Readable when queued, unreadable when the run reads it.
engine.pause('user');
const queued = await engine.enqueuePaths([join(drop, 'locked-before.jpg'), join(drop, 'locked-later.jpg'), join(drop, 'good.jpg')], profile.id);
await chmod(join(drop, 'locked-later.jpg'), 0o000);
engine.resume();
await write(join(watched, 'visible.jpg'), 405);

const store = openTestStore(dataDir);
const all = async () => (await store.history.queryJobs({ limit: 100 })).jobs;
await untilEngine(engine, async () => {
  const jobs = await all();
  const finished = jobs.filter((job) => job.state === 'done' || job.state === 'failed');
  return finished.length === 3 && notices.length > 0 ? true : undefined;
}, { what: 'three finished jobs and a notice', timeoutMs: 30_000, describe: async () => JSON.stringify({ jobs: (await all()).map((job) => `${job.sourceName}:${job.state}`), notices }) });

const report = {
  uid: process.getuid?.(),
  refused: queued.refused,
  jobs: (await all()).map((job) => ({ name: job.sourceName, state: job.state, code: job.errorCode, message: job.errorMessage })),
  notices,
  queue: engine.queueStatus().state,
  folder: engine.folderStatuses().map((status) => status.state),
};
await engine.stop();
await store.close();
process.stdout.write(`${JSON.stringify(report)}\n`);
