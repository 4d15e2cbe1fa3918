/**
 * `npm run bench:team`: a team on one PostgreSQL database (a throw-away cluster this script starts and removes).
 * 1) Wall time: 1, 2 and 3 real `watch` processes on one folder of IMAGES images, the fake fal (its own process)
 *    taking FAL_LATENCY_MS per request with FAL_CONCURRENCY requests at once for the whole team. The ideal is
 *    ceil(IMAGES / FAL_CONCURRENCY) * FAL_LATENCY_MS: fal's limit is the bottleneck. Goal: 3 instances reach the same
 *    ratio to ideal as one (coordination costs nothing that shows).
 * 2) Claim latency: three stores (three instances) claim 300 queued jobs one at a time side by side, as schedulers
 *    do (`FOR UPDATE SKIP LOCKED`, and in the same transaction the job's maximum reserved under a daily cap, behind
 *    the team's budget lock); median and p95 per claim. Goal: < 20 ms per job.
 * A script, not a test: figures vary with the machine's load (printed beside them).
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CapGuard } from '../electron/engine/spend';
import { openPostgresStore } from '../electron/engine/store/postgres/pgJobStore';
import { WatchProcess } from '../tests/support/engine/watchProcess';
import { writeTestJpeg } from '../tests/support/engine/testImages';
import { startPgCluster } from '../tests/support/postgres/pgCluster';
import { freshDatabase } from '../tests/support/postgres/freshDatabase';
import { prepareTeamData } from '../tests/support/team/teamData';
import { RemoteFakeFal } from './fakeFalClient';

const IMAGES = Number(process.env.BENCH_IMAGES ?? 300);
const FAL_LATENCY_MS = Number(process.env.BENCH_FAL_LATENCY_MS ?? 2000);
const FAL_CONCURRENCY = 8;
const PROFILE = { name: 'Team bench', sizes: [{ width: 1080, height: 1080, policy: 'fal' as const }], output: { format: 'jpeg' as const } };

const load = () => loadavg().map((value) => value.toFixed(1)).join(' ');
const cluster = startPgCluster();
const base = mkdtempSync(join(tmpdir(), 'team-bench-'));
const staging = join(base, 'staging');
mkdirSync(staging);
for (let seed = 0; seed < IMAGES; seed += 1) await writeTestJpeg(join(staging, `img-${String(seed).padStart(3, '0')}.jpg`), seed, 96, 64);

/** One run of `count` watch processes over the whole batch; resolves its wall time and the submits fal saw. */
async function runTeam(count: number): Promise<{ wallMs: number; submits: number }> {
  const root = join(base, `run-${count}`);
  const folder = join(root, 'in');
  mkdirSync(folder, { recursive: true });
  const url = await freshDatabase(cluster.url);
  const fake = await RemoteFakeFal.start({ renderMode: 'flat', latency: { processingMs: FAL_LATENCY_MS, concurrency: FAL_CONCURRENCY } });
  const names = Array.from({ length: count }, (_unused, index) => `bench-${index + 1}`);
  // Each instance may keep fal's whole team limit busy on its own; fal queues the rest.
  const dataDirs = prepareTeamData(root, names, PROFILE, { settleMs: 200, concurrency: FAL_CONCURRENCY });
  const remote = { key: fake.key, proxyUrl: `${fake.url}/api/fal/proxy` };
  const processes = await Promise.all(
    names.map((name, index) => WatchProcess.start({ folder, profile: PROFILE.name, dataDir: dataDirs[index]!, fake: remote, args: ['--store', url, '--instance', name, '--trusted'] })),
  );
  const store = openPostgresStore(url, { instance: 'bench-observer' });
  const startedAt = performance.now();
  for (const name of readdirSync(staging)) renameSync(join(staging, name), join(folder, name));
  for (;;) {
    const page = await store.history.queryJobs({ limit: IMAGES + 10 });
    if (page.jobs.length === IMAGES && page.jobs.every((job) => job.state === 'done')) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const wallMs = performance.now() - startedAt;
  const { submits } = await fake.stats();
  await Promise.all(processes.map((watch) => watch.interrupt()));
  await store.close();
  await fake.close();
  // The sources go back for the next run.
  for (const name of readdirSync(folder)) renameSync(join(folder, name), join(staging, name));
  return { wallMs, submits };
}

/** Three instances claiming 300 queued jobs one by one at once; resolves each claim's duration in ms. */
async function claimLatencies(): Promise<number[]> {
  const url = await freshDatabase(cluster.url);
  const stores = ['claim-a', 'claim-b', 'claim-c'].map((instance) => openPostgresStore(url, { instance }));
  for (let index = 0; index < 300; index += 1) {
    await stores[0]!.jobs.insertJobIfNew({
      contentHash: `claim-${index}`,
      profileId: 'bench',
      profileVersion: 1,
      sourcePath: `/bench/claim-${index}.jpg`,
      sourceName: `claim-${index}.jpg`,
      sourceSize: 1000,
      folderId: null,
      origin: 'cli',
      provider: 'fal',
    });
  }
  // A cap far above what 300 claims reserve: every claim reads the ledger and reservations and then reserves.
  const budget = { dailyCapCents: 1_000_000, monthlyCapCents: null, folderCaps: [], burstFiles: 1000, burstWindowMinutes: 1 };
  const caps = (store: (typeof stores)[number]) => new CapGuard({ store, budget: () => budget, now: Date.now, folderLabel: String });
  const durations: number[] = [];
  await Promise.all(
    stores.map(async (store) => {
      for (;;) {
        const startedAt = performance.now();
        const claimed = await store.transaction(async (tx) => {
          await tx.reservations.pruneStale();
          const jobs = await tx.queue.claimRunnable(Date.now(), 1);
          for (const { job } of jobs) await caps(store).reserveAtClaim(tx, job, 35);
          return jobs;
        });
        if (claimed.length === 0) return;
        durations.push(performance.now() - startedAt);
      }
    }),
  );
  await Promise.all(stores.map((store) => store.close()));
  return durations.sort((a, b) => a - b);
}

try {
  const idealMs = Math.ceil(IMAGES / FAL_CONCURRENCY) * FAL_LATENCY_MS;
  console.log(`bench:team: ${IMAGES} images, fal ${FAL_LATENCY_MS} ms per request, ${FAL_CONCURRENCY} at once for the team; ideal ${(idealMs / 1000).toFixed(1)} s`);
  const ratios: number[] = [];
  for (const count of [1, 2, 3]) {
    const { wallMs, submits } = await runTeam(count);
    ratios.push(wallMs / idealMs);
    console.log(
      `  ${count} instance${count > 1 ? 's' : ' '}: ${(wallMs / 1000).toFixed(1)} s, ${(wallMs / idealMs).toFixed(2)} x ideal, ${submits} submits for ${IMAGES} images (load ${load()})`,
    );
  }
  const claims = await claimLatencies();
  const at = (q: number) => claims[Math.min(claims.length - 1, Math.floor(q * claims.length))]!;
  console.log(`  claim latency, 3 instances at once: median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms over ${claims.length} claims (load ${load()})`);
  const sameRatio = ratios[2]! <= ratios[0]! * 1.1;
  console.log(`  goals: 3 instances within 10% of one's ratio to ideal: ${sameRatio ? 'met' : 'NOT met'}; claim < 20 ms: ${at(0.5) < 20 ? 'met' : 'NOT met'} (median)`);
} finally {
  cluster.remove();
  rmSync(base, { recursive: true, force: true });
}
