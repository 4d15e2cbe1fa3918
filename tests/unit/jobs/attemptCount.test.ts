import { ApiError } from '@fal-ai/client';
import { describe, expect, it } from 'vitest';
import { FalDeadlineError } from '../../../electron/engine/fal/falDeadline';
import { settleFailure } from '../../../electron/engine/jobs/jobFailure';
import { MAX_ATTEMPTS } from '../../../electron/engine/jobs/retryPolicy';
import type { JobStore } from '../../../electron/engine/store';
import { newJob, useFreshStore, type FakeClock } from '../store/storeFixture';

let store: JobStore;
let clock: FakeClock;
useFreshStore((opened) => ({ store, clock } = opened));

/** Runs one job through retryable failures of `error` (claim, fail, wait) until it stops being retried. */
async function failUntilGivenUp(error: () => unknown) {
  const { job } = await store.jobs.insertJobIfNew(newJob());
  for (let round = 0; round < MAX_ATTEMPTS + 2; round += 1) {
    clock.advance(10 * 60_000);
    const [claimed] = await store.queue.claimRunnable(clock.now(), 1);
    if (!claimed) break;
    const outcome = await settleFailure(error(), { store, job: claimed.job, now: clock.now(), onOffline: () => undefined });
    if (outcome.kind === 'failed') return { outcome, job: (await store.jobs.getJob(job.id))! };
  }
  throw new Error('the job was never given up');
}

describe('a job that keeps failing with retryable errors', () => {
  it('says in its failure the number of attempts it shows', async () => {
    const { outcome, job } = await failUntilGivenUp(() => new ApiError({ message: 'Service Unavailable', status: 503, body: { detail: 'busy' } }));
    expect(job.state).toBe('failed');
    expect(job.attempts).toBe(MAX_ATTEMPTS);
    expect(outcome.kind === 'failed' && outcome.message).toContain(`gave up after ${job.attempts} attempts`);
    expect(job.errorMessage).toContain(`gave up after ${job.attempts} attempts`);
  });

  it('a request fal never finishes is retried, then failed with a reason saying fal did not finish in time', async () => {
    const { job } = await failUntilGivenUp(() => new FalDeadlineError('req-1', 120_000, 'IN_PROGRESS'));
    expect(job.errorCode).toBe('fal_deadline');
    expect(job.errorMessage).toMatch(/^fal did not finish the request in time \(no result 2 min after it was sent\)\. It was cancelled at fal\./);
    expect(job.errorMessage).toContain(`gave up after ${job.attempts} attempts`);
    expect(job.attempts).toBe(MAX_ATTEMPTS);
  });
});
