/**
 * The fake fal server in a process of its own, for benchmarks: fal is a remote service, so its image rendering
 * must not share the engine's event loop and thread pool. Started with the fake's options as JSON in argv[2]; prints
 * one JSON line `{url, key}` once listening; answers a `stats` line on stdin with one JSON line of its queue's
 * timeline; exits when stdin closes.
 */
import { createInterface } from 'node:readline';
import { startFakeFal, type FakeFalOptions } from '../tests/support/fakeFal';

const fake = await startFakeFal(JSON.parse(process.argv[2] ?? '{}') as FakeFalOptions);
process.stdout.write(`${JSON.stringify({ url: fake.url, key: fake.key })}\n`);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() !== 'stats') return;
  const jobs = fake.jobs().map((job) => ({ submittedAt: job.submittedAt, startedAt: job.startedAt, completedAt: job.completedAt }));
  process.stdout.write(`${JSON.stringify({ jobs, submits: fake.countSubmits(), statusPolls: fake.requests({ route: 'status' }).length })}\n`);
});
lines.on('close', () => {
  void fake.close().then(() => process.exit(0));
});
