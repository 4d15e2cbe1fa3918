import { describe, expect, it } from 'vitest';
import { JOB_STATES, type JobState } from '../../../electron/domain/jobStates';
import { batchBlock } from '../../../electron/engine/queue/batchBlock';
import type { QueueStatus } from '../../../electron/engine/queue/scheduler';

const counts = (partial: Partial<Record<JobState, number>>) =>
  ({ ...Object.fromEntries(JOB_STATES.map((state) => [state, 0])), ...partial }) as Record<JobState, number>;
const running: QueueStatus = { state: 'running', online: true, running: 0, concurrency: 2 };
const capReason = () => 'Daily budget $3.50 reached';

describe('batchBlock', () => {
  it('is null with nothing unfinished, or while anything can move', () => {
    expect(batchBlock(counts({ done: 4 }), running, capReason)).toBeNull();
    expect(batchBlock(counts({ queued: 1, waiting_budget: 3 }), running, capReason)).toBeNull();
    expect(batchBlock(counts({ retry_scheduled: 1, waiting_budget: 3 }), running, capReason)).toBeNull();
    expect(batchBlock(counts({ waiting_budget: 3 }), { ...running, running: 1 }, capReason)).toBeNull();
    // Online again: the network waiters are runnable.
    expect(batchBlock(counts({ waiting_network: 2 }), running, capReason)).toBeNull();
  });

  it('names a pause first, with its reason', () => {
    const paused: QueueStatus = { ...running, state: 'paused', reason: 'fal refused the key: User is locked' };
    expect(batchBlock(counts({ queued: 5 }), paused, capReason)).toEqual({ cause: 'paused', reason: 'fal refused the key: User is locked' });
  });

  it('says offline when only network waiters are left, budget when only held jobs are', () => {
    const offline: QueueStatus = { ...running, state: 'offline', online: false, reason: 'fal.ai cannot be reached' };
    expect(batchBlock(counts({ waiting_network: 2, waiting_budget: 1 }), offline, capReason)).toEqual({ cause: 'offline', reason: 'fal.ai cannot be reached' });
    expect(batchBlock(counts({ waiting_budget: 3, done: 2 }), running, capReason)).toEqual({ cause: 'budget', reason: 'Daily budget $3.50 reached' });
  });
});
