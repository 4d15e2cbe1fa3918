import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchHostSignals } from '../../../electron/main/host/hostSignals';
import { net, powerMonitor } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

beforeEach(() => {
  vi.useFakeTimers();
  net.isOnline.mockReturnValue(true);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('watchHostSignals', () => {
  it("sends only changes of the OS network state, and every wake from sleep", () => {
    const signals: string[] = [];
    const stop = watchHostSignals((kind) => signals.push(kind), 1_000);
    vi.advanceTimersByTime(3_000);
    expect(signals).toEqual([]);
    net.isOnline.mockReturnValue(false);
    vi.advanceTimersByTime(3_000);
    net.isOnline.mockReturnValue(true);
    vi.advanceTimersByTime(1_000);
    powerMonitor.emit('resume');
    expect(signals).toEqual(['offline', 'online', 'resume']);
    stop();
    net.isOnline.mockReturnValue(false);
    vi.advanceTimersByTime(5_000);
    powerMonitor.emit('resume');
    expect(signals).toHaveLength(3);
  });

  it('says offline at once when the app starts without a network', () => {
    net.isOnline.mockReturnValue(false);
    const signals: string[] = [];
    const stop = watchHostSignals((kind) => signals.push(kind), 1_000);
    expect(signals).toEqual(['offline']);
    stop();
  });
});
