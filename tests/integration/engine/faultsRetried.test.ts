import { rename } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../support/engine/engineHarness';
import { outputProblems } from '../../support/engine/outputChecks';
import { uploadNameFor, writeTestJpeg } from '../../support/engine/testImages';
import type { FakeFalRoute } from '../../support/fakeFal';
import { sha256 } from '../../support/fakeFal';

let harness: EngineHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/**
 * One image per fault. `times` outlasts the client's own retries (submit and result retry 429/502/503/504 three
 * times; neither retries 500), so the failure reaches the engine, which must schedule a retry with backoff.
 */
const CASES: ReadonlyArray<{ name: string; route: FakeFalRoute; status: number; times: number }> = [
  { name: 'busy-429.jpg', route: 'submit', status: 429, times: 4 },
  { name: 'error-500.jpg', route: 'submit', status: 500, times: 1 },
  { name: 'gateway-502.jpg', route: 'result', status: 502, times: 4 },
  { name: 'unavailable-503.jpg', route: 'submit', status: 503, times: 4 },
  { name: 'timeout-504.jpg', route: 'result', status: 504, times: 4 },
  { name: 'error-500-result.jpg', route: 'result', status: 500, times: 1 },
];

describe('retryable fal failures', () => {
  it('backs off and retries 429 and 5xx until done, never paying twice for a request that exists', async () => {
    harness = await startEngineHarness({ settings: { concurrency: CASES.length }, fakeOptions: { latency: { processingMs: 100, concurrency: CASES.length } } });
    const { fake, watched, root, store } = harness;
    mkdirSync(join(root, 'staging'));
    for (const [index, fault] of CASES.entries()) {
      const bytes = await writeTestJpeg(join(root, 'staging', fault.name), 300 + index);
      fake.failNext(fault.route, { status: fault.status }, { times: fault.times, imageKey: uploadNameFor(sha256(bytes)) });
    }
    await Promise.all(CASES.map((fault) => rename(join(root, 'staging', fault.name), join(watched, fault.name))));

    await harness.waitForJobs(CASES.length, ['done', 'failed'], 60_000);
    for (const fault of CASES) {
      const job = (await harness.jobs()).find((candidate) => candidate.sourceName === fault.name)!;
      expect(job.state, `${fault.name}: ${job.errorMessage ?? ''}`).toBe('done');
      // Our own backoff kicked in: a persisted retry_scheduled with fal's status in the reason, one attempt used.
      const retries = (await harness.eventsOf(job.id, 'job_state')).filter((event) => event.data['to'] === 'retry_scheduled');
      expect(retries, fault.name).toHaveLength(1);
      expect(String(retries[0]?.data['reason']), fault.name).toContain(`HTTP ${fault.status}`);
      expect(Number(retries[0]?.data['nextAttemptAt']), fault.name).toBeGreaterThan(retries[0]!.at);
      expect(job.attempts, fault.name).toBe(1);
      // fal holds exactly one request for the image: a failed submit created none, a failed result call was
      // retried by request id, not by submitting again.
      const prefix = job.contentHash.slice(0, 32);
      expect(fake.jobs().filter((request) => request.uploadFileName?.startsWith(prefix)), fault.name).toHaveLength(1);
      const succeeded = harness.submitsOf(job).filter((record) => record.outcome === 200);
      expect(succeeded, fault.name).toHaveLength(1);
      expect(harness.submitsOf(job), fault.name).toHaveLength(fault.route === 'submit' ? fault.times + 1 : 1);
      expect(await outputProblems(await store.outputs.listOutputs(job.id))).toEqual([]);
    }
  }, 120_000);
});
