import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOB_STATES } from '../../../electron/domain/jobStates';
import { createEventHub, IPC_EVENT_CHANNEL, type ApiEvent, type QueueState } from '../../../electron/shared';
import { broadcastEvents } from '../../../electron/main/ipc/broadcastEvents';
import { startDesktopNotifier } from '../../../electron/main/notifications/desktopNotifier';
import { AppWindows } from '../../../electron/main/windows/appWindows';
import { BrowserWindow, Notification } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const queue: QueueState = {
  state: 'running',
  pauseCause: null,
  reason: null,
  online: true,
  counts: Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as QueueState['counts'],
  batch: null,
};

describe('broadcastEvents', () => {
  it('pushes every event to every live app window on the event channel', () => {
    const hub = createEventHub();
    const windows = new AppWindows();
    const [first, second, closed] = [new BrowserWindow({}), new BrowserWindow({}), new BrowserWindow({})];
    for (const window of [first, second, closed]) windows.add(window as unknown as Electron.BrowserWindow);
    closed!.destroyed = true;
    const stop = broadcastEvents(hub, windows);
    const event: ApiEvent = { type: 'queue.changed', queue };
    hub.emit(event);
    expect(first!.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, event);
    expect(second!.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, event);
    expect(closed!.webContents.send).not.toHaveBeenCalled();
    stop();
    hub.emit(event);
    expect(first!.webContents.send).toHaveBeenCalledOnce();
  });
});

describe('startDesktopNotifier', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    Notification.shown.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('shows one notification for 50 failures, and opens the window when clicked', async () => {
    const hub = createEventHub();
    const openWindow = vi.fn();
    const stop = startDesktopNotifier(hub, { openWindow });
    for (let index = 0; index < 50; index++) {
      hub.emit({ type: 'job.changed', job: { id: `j${index}`, state: 'failed', progress: 0, attempts: 1, error: { code: 'x', message: 'unsupported format' }, startedAt: 1, finishedAt: 2, updatedAt: 2, retryAt: null } });
    }
    expect(Notification.shown).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(Notification.shown.map((shown) => shown.options.title)).toEqual(['50 jobs failed']);
    Notification.shown[0]!.emit('click');
    expect(openWindow).toHaveBeenCalledOnce();
    stop();
  });

  it('does nothing where the system has no notifications', () => {
    Notification.isSupported.mockReturnValueOnce(false);
    const hub = createEventHub();
    startDesktopNotifier(hub, { openWindow: () => undefined });
    hub.emit({ type: 'queue.changed', queue });
    hub.emit({ type: 'queue.changed', queue: { ...queue, state: 'paused', reason: 'fal refused the key' } });
    expect(Notification.shown).toHaveLength(0);
  });
});
