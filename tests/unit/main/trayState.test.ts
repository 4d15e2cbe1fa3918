import { describe, expect, it, vi } from 'vitest';
import { JOB_STATES } from '../../../electron/domain/jobStates';
import type { JobCounts } from '../../../electron/shared';
import { Scheduler } from '../../../electron/engine/queue/scheduler';
import { trayMenuTemplate } from '../../../electron/main/tray/trayMenu';
import { trayState } from '../../../electron/main/tray/trayState';

function counts(partial: Partial<JobCounts> = {}): JobCounts {
  return { ...(Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as JobCounts), ...partial };
}

describe('trayState', () => {
  it('counts every kind of waiting job, not running or finished ones', () => {
    const view = trayState({ state: 'running', pauseCause: null, reason: null }, counts({ queued: 2, waiting_network: 1, waiting_budget: 1, retry_scheduled: 1, uploading: 3, done: 40, failed: 2 }));
    expect(view.headline).toBe('Running · 5 waiting');
    expect(view.paused).toBe(false);
  });

  it('says offline with the waiting count', () => {
    expect(trayState({ state: 'offline', pauseCause: null, reason: 'fal cannot be reached' }, counts({ waiting_network: 7 })).headline).toBe('Offline · 7 waiting');
  });

  it("shows the engine's reason for an automatic pause, shortened for the menu, in full in the tooltip", () => {
    const reason = 'fal refused the key: User is locked. Your account is locked because of an unpaid invoice from last month.';
    const view = trayState({ state: 'paused', pauseCause: 'auth', reason }, counts({ queued: 4 }));
    expect(view.paused).toBe(true);
    expect(view.headline.startsWith('Paused: fal refused the key: User is locked.')).toBe(true);
    expect(view.headline.length).toBeLessThanOrEqual('Paused: '.length + 60);
    expect(view.headline.endsWith('…')).toBe(true);
    expect(view.tooltip).toContain(reason);
    expect(view.tooltip).toContain('4 waiting');
  });

  it("does not echo the person's own pause as a reason", () => {
    expect(trayState({ state: 'paused', pauseCause: 'user', reason: 'paused by the user' }, counts({ queued: 3 })).headline).toBe('Paused · 3 waiting');
    expect(trayState({ state: 'paused', pauseCause: 'user', reason: null }, counts()).headline).toBe('Paused · 0 waiting');
  });

  it("tells the person's own pause by its cause, not by the scheduler's wording", () => {
    const scheduler = new Scheduler({
      deps: {} as never,
      online: { current: { online: true } } as never,
      falInUse: () => true,
      concurrency: 1,
    });
    scheduler.pause('user');
    const status = scheduler.status();
    expect(status.pauseCause).toBe('user');
    expect(trayState({ state: status.state, pauseCause: status.pauseCause ?? null, reason: status.reason ?? null }, counts({ queued: 2 })).headline).toBe('Paused · 2 waiting');
  });
});

describe('trayMenuTemplate', () => {
  const actions = { pause: vi.fn(), resume: vi.fn(), openWindow: vi.fn(), quit: vi.fn() };

  it('offers Pause while running and Resume while paused, plus Open window and Quit', () => {
    const running = trayMenuTemplate(trayState({ state: 'running', pauseCause: null, reason: null }, counts()), actions);
    expect(running.map((item) => item.label ?? item.type)).toEqual(['Running · 0 waiting', 'separator', 'Pause', 'Open window', 'separator', 'Quit Smart Resize']);
    expect(running[0]!.enabled).toBe(false);
    const paused = trayMenuTemplate(trayState({ state: 'paused', pauseCause: 'user', reason: null }, counts()), actions);
    expect(paused[2]!.label).toBe('Resume');
    for (const item of [...running, ...paused]) item.click?.({} as never, undefined, {} as never);
    expect(actions.pause).toHaveBeenCalledOnce();
    expect(actions.resume).toHaveBeenCalledOnce();
    expect(actions.openWindow).toHaveBeenCalledTimes(2);
    expect(actions.quit).toHaveBeenCalledTimes(2);
  });
});
