/**
 * `npm run bench:watch`: a hot folder holding 10,000 files. Starts a HotFolderManager over a real job store (temp
 * data folder) with settle time S, times until all 10k are jobs, times a reconcile scan over 10k already-seen
 * files, then drops one new file at a time and measures from the moment it is stable (its last write + S) to its
 * job row existing. Prints median/max of that delay (goal <= 300 ms) and the process RSS (goal < 250 MB).
 * A script, not a test: figures vary with the machine's load.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openJobStore } from '../electron/engine/store';
import { HotFolderManager, type WatchEvent } from '../electron/engine/watch';

const FILES = 10_000;
const SETTLE_MS = 1000;
const ROUNDS = 10;
const EXTENSIONS = ['jpg', 'png', 'webp', 'tif'];

const base = await mkdtemp(join(tmpdir(), 'watch-bench-'));
const folder = join(base, 'hot');
await mkdir(folder);
// Made by a child process, so this process's RSS is the engine's and not the garbage of writing 10k files.
execFileSync(process.execPath, [
  '-e',
  `const fs = require('node:fs'); const ext = ${JSON.stringify(EXTENSIONS)};
   for (let i = 0; i < ${FILES}; i += 1) fs.writeFileSync(require('node:path').join(process.argv[1], 'img-' + i + '.' + ext[i % 4]), ('source image ' + i + '\\n').repeat(8));`,
  folder,
]);

const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
let heapAtPeak = 0;
const rssSampler = setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage();
  if (rss > peakRss) [peakRss, heapAtPeak] = [rss, heapUsed];
}, 50);
const store = openJobStore(join(base, 'data'));
const waiters = new Map<string, (at: number) => void>();
let created = 0;
let allCreated: () => void = () => undefined;
const manager = new HotFolderManager({
  store,
  resolveProfile: (id) => ({ id, version: 1, provider: 'fal' as const, sizes: [{ width: 1080, height: 1080 }] }),
  settleMs: SETTLE_MS,
  onEvent: (event: WatchEvent) => {
    if (event.kind !== 'job_created') return;
    created += 1;
    if (created === FILES) allCreated();
    waiters.get(event.path)?.(performance.timeOrigin + performance.now());
  },
});
await manager.setFolders([{ id: 'hot', path: folder, profileId: 'meta', enabled: true, recursive: true, polling: false, trusted: false }]);

const startedAt = performance.now();
const everyJob = new Promise<void>((resolve) => (allCreated = resolve));
await manager.start();
const watchingAfter = performance.now() - startedAt;
await everyJob;
const initialMs = performance.now() - startedAt;
const rssAfterInitial = process.memoryUsage().rss;

const scanStart = performance.now();
await manager.reconcileAll();
const rescanMs = performance.now() - scanStart;

const delays: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const path = join(folder, `new-${round}.jpg`);
  const jobAt = new Promise<number>((resolve) => waiters.set(path, resolve));
  await writeFile(path, `a new image ${round}\n`.repeat(500));
  const stableAt = (await stat(path)).mtimeMs + SETTLE_MS;
  delays.push((await jobAt) - stableAt);
  const row = await store.seenFiles.getSeenFile(path);
  const page = await store.history.queryJobs({ limit: 1, search: `new-${round}.jpg` });
  if (!row || !(await store.jobs.getJob(page.jobs[0]?.id ?? ''))) {
    throw new Error(`No job row for ${path}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
clearInterval(rssSampler);
const rssEnd = process.memoryUsage().rss;
await manager.stop();
await store.close();
await rm(base, { recursive: true, force: true });

const sorted = [...delays].sort((a, b) => a - b);
const median = (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log(`hot folder with ${FILES} files, settle ${SETTLE_MS} ms`);
console.log(`  start() resolved (watcher ready + first scan) after ${watchingAfter.toFixed(0)} ms`);
console.log(`  all ${FILES} files are jobs after ${(initialMs / 1000).toFixed(1)} s (includes the ${SETTLE_MS} ms settle)`);
console.log(`  reconcile scan over ${FILES} already-seen files: ${rescanMs.toFixed(0)} ms`);
console.log(`  new file, stable -> job row, beyond the settle time (${ROUNDS} runs): median ${median.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (goal <= 300 ms)`);
console.log(`  runs: ${delays.map((delay) => delay.toFixed(0)).join(' ')}`);
console.log(`  RSS: before starting ${mb(rssBefore)}, after initial intake ${mb(rssAfterInitial)}, at the end ${mb(rssEnd)}, peak ${mb(peakRss)} (V8 heap in use then ${mb(heapAtPeak)}) (goal < 250 MB)`);
