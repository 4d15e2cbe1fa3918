import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../../electron/engine/queue/scheduler';

/** A scheduler that is never started: pausing and resuming only change its status. */
function idleScheduler(): Scheduler {
  return new Scheduler({ deps: {} as never, online: { current: { online: true } } as never, falInUse: () => true, concurrency: 1 });
}

describe('the scheduler pause causes', () => {
  it("keeps the person's pause when a refused key would pause it too, so a saved key does not resume it", () => {
    const scheduler = idleScheduler();
    scheduler.pause('user');
    scheduler.pause('auth', 'fal refused the key (HTTP 401): bad key');
    expect(scheduler.status()).toMatchObject({ state: 'paused', pauseCause: 'user', reason: 'paused by the user' });
    scheduler.liftPause('auth');
    expect(scheduler.status()).toMatchObject({ state: 'paused', pauseCause: 'user' });
  });

  it('lets the person pause over an auth pause, and lifts an auth pause on its own cause only', () => {
    const scheduler = idleScheduler();
    scheduler.pause('auth', 'fal refused the key (HTTP 403): User is locked');
    expect(scheduler.status()).toMatchObject({ state: 'paused', pauseCause: 'auth', reason: 'fal refused the key (HTTP 403): User is locked' });
    scheduler.liftPause('user');
    expect(scheduler.status().pauseCause).toBe('auth');
    scheduler.liftPause('auth');
    expect(scheduler.status()).toMatchObject({ state: 'running', pauseCause: undefined, reason: undefined });
    scheduler.pause('auth', 'fal refused the key (HTTP 401): bad key');
    scheduler.pause('user');
    expect(scheduler.status().pauseCause).toBe('user');
    scheduler.resume();
    expect(scheduler.status().state).toBe('running');
  });
});
