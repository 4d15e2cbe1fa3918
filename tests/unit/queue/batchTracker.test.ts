import { describe, expect, it } from 'vitest';
import { JOB_STATES, type JobState } from '../../../electron/domain/jobStates';
import { BatchTracker } from '../../../electron/engine/queue/batchTracker';
import type { StoreEvent } from '../../../electron/engine/store';

let nextId = 1;
const created = (): StoreEvent => ({ id: nextId++, jobId: `job-${nextId}`, at: 0, kind: 'job_created', data: {} });
const moved = (from: JobState, to: JobState): StoreEvent => ({ id: nextId++, jobId: 'job', at: 0, kind: 'job_state', data: { from, to } });
const counts = (partial: Partial<Record<JobState, number>>) =>
  ({ ...Object.fromEntries(JOB_STATES.map((state) => [state, 0])), ...partial }) as Record<JobState, number>;

function tracker() {
  const clock = { now: 1_000_000 };
  return { clock, batch: new BatchTracker(() => clock.now) };
}

describe('BatchTracker', () => {
  it('is null until work arrives, then keeps its start while the total grows and finished rises', () => {
    const { clock, batch } = tracker();
    expect(batch.snapshot(null)).toBeNull();
    batch.observe(created());
    batch.observe(created());
    clock.now += 5_000;
    batch.observe(moved('writing', 'done'));
    batch.observe(created());
    expect(batch.snapshot(null)).toMatchObject({ total: 3, finished: 1, startedAt: 1_000_000, endedAt: null });
    // States that are neither arrivals nor finishes change nothing.
    batch.observe(moved('queued', 'preparing'));
    batch.observe(moved('preparing', 'waiting_budget'));
    expect(batch.snapshot(null)).toMatchObject({ total: 3, finished: 1 });
  });

  it('counts failures and cancels as finished, ends when all have finished, and starts afresh on new work', () => {
    const { clock, batch } = tracker();
    batch.observe(created());
    batch.observe(created());
    batch.observe(moved('submitted', 'failed'));
    clock.now += 1_000;
    batch.observe(moved('queued', 'cancelled'));
    expect(batch.snapshot(null)).toMatchObject({ total: 2, finished: 2, failed: 1, cancelled: 1, endedAt: 1_001_000, etaAt: null });
    clock.now += 60_000;
    batch.observe(created());
    expect(batch.snapshot(null)).toMatchObject({ total: 1, finished: 0, failed: 0, startedAt: 1_061_000, endedAt: null });
  });

  it('continues the batch when work arrives soon after it drained (files trickling in from a copy)', () => {
    const { clock, batch } = tracker();
    batch.observe(created());
    clock.now += 4_000;
    batch.observe(moved('writing', 'done'));
    expect(batch.snapshot(null)).toMatchObject({ total: 1, finished: 1, endedAt: 1_004_000 });
    clock.now += 20_000;
    batch.observe(created());
    expect(batch.snapshot(null)).toMatchObject({ total: 2, finished: 1, startedAt: 1_000_000, endedAt: null });
    clock.now += 1_000;
    batch.observe(created());
    batch.observe(moved('writing', 'done'));
    // The 20 s the queue sat empty are not part of the pace: 2 done in 5 working seconds, one left.
    expect(batch.snapshot(null)?.etaAt).toBe(clock.now + 2_500);
  });

  it("counts a person's retry as work arriving again, so finished never drops", () => {
    const { batch } = tracker();
    batch.observe(created());
    batch.observe(created());
    batch.observe(moved('preparing', 'failed'));
    batch.observe(moved('failed', 'queued'));
    expect(batch.snapshot(null)).toMatchObject({ total: 3, finished: 1, failed: 1 });
  });

  it('takes the jobs a previous run left unfinished as the first batch', () => {
    const { batch } = tracker();
    batch.resume(counts({ queued: 3, submitted: 2, done: 40, failed: 1 }));
    expect(batch.snapshot(null)).toMatchObject({ total: 5, finished: 0 });
  });

  it('gives a time left from the pace after two finished, counting down between finishes', () => {
    const { clock, batch } = tracker();
    for (let index = 0; index < 10; index += 1) batch.observe(created());
    clock.now += 10_000;
    batch.observe(moved('writing', 'done'));
    expect(batch.snapshot(null)?.etaAt, 'one finished job is not a pace yet').toBeNull();
    clock.now += 10_000;
    batch.observe(moved('writing', 'done'));
    // 2 done in 20 s: 10 s each, 8 left.
    expect(batch.snapshot(null)?.etaAt).toBe(clock.now + 80_000);
    clock.now += 5_000;
    expect(batch.snapshot(null)?.etaAt).toBe(clock.now + 75_000);
  });

  it('says what blocks it with no time left, and does not count the blocked time in the pace', () => {
    const { clock, batch } = tracker();
    for (let index = 0; index < 4; index += 1) batch.observe(created());
    clock.now += 10_000;
    batch.observe(moved('writing', 'done'));
    batch.observe(moved('writing', 'done'));
    expect(batch.snapshot(null)?.etaAt).toBe(clock.now + 10_000);
    const budget = { cause: 'budget' as const, reason: 'Daily budget $3.50 reached' };
    expect(batch.snapshot(budget)).toMatchObject({ blocked: budget, etaAt: null });
    clock.now += 600_000;
    expect(batch.snapshot(budget)).toMatchObject({ blocked: budget, etaAt: null });
    // Unblocked: ten minutes on hold changed nothing about the 5 s per job.
    expect(batch.snapshot(null)).toMatchObject({ blocked: null, etaAt: clock.now + 10_000 });
    clock.now += 3_000;
    batch.observe(moved('writing', 'done'));
    // 3 done in 13 working seconds.
    expect(batch.snapshot(null)?.etaAt).toBe(clock.now + Math.round(13_000 / 3));
  });

  it('never moves its clock back when the wall clock does', () => {
    const { clock, batch } = tracker();
    batch.observe(created());
    clock.now -= 60_000;
    batch.observe(created());
    expect(batch.snapshot(null)).toMatchObject({ startedAt: 1_000_000, total: 2 });
  });
});
