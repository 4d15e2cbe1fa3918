/**
 * `npm run bench:queue`: the engine's fal queue against the fake fal server with fal-like latency (each request
 * runs 2 s, 8 at once): 100 generated images x 3 sizes through Engine.enqueuePaths with concurrency 8 and a
 * 100 ms base status poll (faster near the expected finish once a few requests have completed). Prints wall time
 * beside the ideal (jobs / concurrency x latency = 25 s) as a ratio (goal <= 1.1), the overhead per job, how long
 * fal sat idle between one of our requests completing and the next starting, and where a job's time goes (prepare +
 * upload + submit, waiting on fal, download + write). A script, not a test: timings vary with the machine's load.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../electron/engine/runtime/engine';
import { ProfileStore } from '../electron/engine/profiles';
import { FileFalKeyStore } from '../electron/engine/settings/falKeyStore';
import { SettingsStore } from '../electron/engine/settings/settingsStore';
import { openStore, type JobRecord, type JobStore, type StoreEvent } from '../electron/engine/store';
import { writeTestJpeg } from '../tests/support/engine/testImages';
import { RemoteFakeFal, type FakeFalStats } from './fakeFalClient';

const IMAGES = 100;
const CONCURRENCY = 8;
const LATENCY_MS = 2_000;
const POLL_MS = 100;
const GOAL_RATIO = 1.1;

const root = mkdtempSync(join(tmpdir(), 'smart-resize-bench-queue-'));
const dataDir = join(root, 'data');
const inbox = join(root, 'inbox');
mkdirSync(inbox, { recursive: true });
// The fake runs in its own process: fal is remote, its rendering must not share the engine's event loop.
const fake = await RemoteFakeFal.start({ renderMode: 'flat', latency: { processingMs: LATENCY_MS, concurrency: CONCURRENCY } });
let engine: Engine | undefined;
let store: JobStore | undefined;
try {
  process.stdout.write(`Making ${IMAGES} source images...\n`);
  for (let index = 0; index < IMAGES; index += 1) await writeTestJpeg(join(inbox, `image-${String(index).padStart(3, '0')}.jpg`), index, 1200, 900);
  new FileFalKeyStore(dataDir).write(fake.key);
  // Written before the engine is made, as a person's saved settings and profile: the engine reads them at start.
  new SettingsStore(dataDir).update({ concurrency: CONCURRENCY });
  const profile = new ProfileStore({ dataDir }).create({
    name: 'Bench: Meta ads',
    sizes: [
      { width: 1080, height: 1080, policy: 'fal' },
      { width: 1080, height: 1350, policy: 'fal' },
      { width: 1080, height: 1920, policy: 'fal' },
    ],
    output: { format: 'jpeg', quality: 85 },
  });
  engine = new Engine({ dataDir, falHostOverride: fake.url, env: {}, folders: [], timing: { pollIntervalMs: POLL_MS } });
  await engine.start();

  const startedAt = Date.now();
  const cpuBefore = process.cpuUsage();
  // Finished jobs as the store's events tell (pushed after each commit): nothing polls the engine it measures.
  const finishedIds = new Set<string>();
  const bus = engine.events;
  const allFinished = new Promise<void>((resolve) =>
    bus.on('stored', (event) => {
      if (event.job && ['done', 'failed', 'cancelled'].includes(event.job.state)) finishedIds.add(event.job.id);
      if (finishedIds.size >= IMAGES) resolve();
    }),
  );
  const { jobs } = await engine.enqueuePaths([inbox], profile.id);
  const enqueuedMs = Date.now() - startedAt;
  if (jobs.length !== IMAGES) throw new Error(`expected ${IMAGES} jobs, got ${jobs.length}`);
  await allFinished;
  // The bench's own handle on the job store, opened once the run is over: it reads what the engine persisted.
  const reader = openStore({ dataDir });
  store = reader;
  const all: JobRecord[] = (await reader.history.queryJobs({ limit: 1000, states: ['done', 'failed', 'cancelled'] })).jobs;
  const failed = all.filter((job) => job.state !== 'done');
  if (failed.length > 0) throw new Error(`${failed.length} jobs did not finish: ${failed[0]?.errorMessage ?? failed[0]?.state}`);

  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = Math.max(...all.map((job) => job.finishedAt ?? 0)) - startedAt;
  const idealMs = (IMAGES / CONCURRENCY) * LATENCY_MS;
  const waves = IMAGES / CONCURRENCY;
  const details = await Promise.all(all.map((job) => reader.history.getJobDetail(job.id, 100)));
  const phases = details.map((detail) => phaseTimes(detail?.events ?? []));
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const firstSubmitMs = Math.min(...details.flatMap((detail) => detail?.requests.map((request) => request.submittedAt) ?? [])) - startedAt;
  const falStats = await fake.stats();
  const falJobs = falStats.jobs;
  const falBusyMs = Math.max(...falJobs.map((job) => job.completedAt ?? 0)) - Math.min(...falJobs.map((job) => job.submittedAt));

  const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(44)} ${value}\n`);
  process.stdout.write(`\nbench:queue: ${IMAGES} images x 3 sizes, concurrency ${CONCURRENCY}, fal latency ${LATENCY_MS} ms, poll ${POLL_MS} ms\n`);
  line('wall time (enqueue to last job done)', `${(wallMs / 1000).toFixed(2)} s`);
  line('ideal (jobs / concurrency x latency)', `${(idealMs / 1000).toFixed(2)} s`);
  line('ratio (goal <= 1.1)', `${(wallMs / idealMs).toFixed(3)} ${wallMs / idealMs <= GOAL_RATIO ? 'OK' : 'MISSED'}`);
  line('overhead per job (wall / waves - latency)', `${(wallMs / waves - LATENCY_MS).toFixed(0)} ms`);
  line('enqueue (hash and insert the 100 jobs)', `${enqueuedMs} ms`);
  line('first request at fal after', `${firstSubmitMs} ms`);
  line('mean job time (claimed to done)', `${mean(phases.map((p) => p.total)).toFixed(0)} ms`);
  line('  prepare + upload + submit', `${mean(phases.map((p) => p.toSubmitted)).toFixed(0)} ms`);
  line('  waiting on fal (submitted to downloading)', `${mean(phases.map((p) => p.onFal)).toFixed(0)} ms`);
  line('  download + verify + write', `${mean(phases.map((p) => p.toDone)).toFixed(0)} ms`);
  line('fal busy (first submit to last completion)', `${(falBusyMs / 1000).toFixed(2)} s`);
  line('engine CPU (user + system)', `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
  line('fal idle: a completion to the next start', describeGaps(falJobs));
  line('fal requests / submits / status polls', `${falJobs.length} / ${falStats.submits} / ${falStats.statusPolls}`);
  line('floor: whole waves (ceil(jobs / concurrency))', `${((Math.ceil(waves) * LATENCY_MS) / idealMs).toFixed(3)}`);
} finally {
  await engine?.stop().catch(() => undefined);
  await store?.close().catch(() => undefined);
  await fake.close();
  rmSync(root, { recursive: true, force: true });
}

/**
 * How long a fal run stayed free after one of our requests completed: the n-th start after the first wave pairs with
 * the n-th completion (FIFO slots). This is the engine's own overhead per request: noticing the completion and
 * submitting the next one.
 */
function describeGaps(jobs: FakeFalStats['jobs']): string {
  const starts = jobs.map((job) => job.startedAt ?? 0).sort((a, b) => a - b);
  const ends = jobs.map((job) => job.completedAt ?? 0).sort((a, b) => a - b);
  const gaps = starts.slice(CONCURRENCY).map((start, index) => start - ends[index]!).sort((a, b) => a - b);
  const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
  return `mean ${mean.toFixed(0)} ms, median ${gaps[gaps.length >> 1]} ms, max ${gaps.at(-1)} ms`;
}

/** A job's phase durations from its stored state changes. */
function phaseTimes(events: readonly StoreEvent[]): { total: number; toSubmitted: number; onFal: number; toDone: number } {
  const at = (to: string) => events.find((event) => event.kind === 'job_state' && event.data['to'] === to)?.at ?? Number.NaN;
  const claimed = at('preparing');
  const submitted = at('submitted');
  const downloading = at('downloading');
  const done = at('done');
  return { total: done - claimed, toSubmitted: submitted - claimed, onFal: downloading - submitted, toDone: done - downloading };
}
