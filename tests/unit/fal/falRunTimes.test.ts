import { describe, expect, it } from 'vitest';
import { FalRunTimes, steadyPolls } from '../../../electron/engine/fal/falRunTimes';

describe('FalRunTimes.nextPollDelay', () => {
  it('polls at the base interval while nothing of that size count has completed', () => {
    const times = new FalRunTimes();
    times.record(3, 2_000);
    expect(times.nextPollDelay(5, 1_950, 100)).toBe(100);
    expect(steadyPolls(100).nextDelay(1_950)).toBe(100);
  });

  it('polls at a quarter of the base inside the window where recent requests finished, at the base outside it', () => {
    const times = new FalRunTimes();
    times.record(3, 2_000);
    times.record(3, 2_100);
    // The window opens a base interval before the quickest (1,900) and closes one after the slowest (2,200).
    expect(times.nextPollDelay(3, 0, 100)).toBe(100);
    expect(times.nextPollDelay(3, 1_950, 100)).toBe(25);
    expect(times.nextPollDelay(3, 2_150, 100)).toBe(25);
    expect(times.nextPollDelay(3, 2_250, 100)).toBe(100);
    expect(times.nextPollDelay(3, 19_000, 500)).toBe(500);
  });

  it('sleeps only up to the window when it opens sooner than a base interval, and never below the fastest poll', () => {
    const times = new FalRunTimes();
    times.record(1, 10_000);
    expect(times.nextPollDelay(1, 9_300, 500)).toBe(200);
    expect(times.nextPollDelay(1, 9_490, 500)).toBe(125);
    expect(times.nextPollDelay(1, 9_600, 500)).toBe(125);
    times.record(2, 1_000);
    expect(times.nextPollDelay(2, 950, 40)).toBe(25);
  });

  it('follows fal getting faster: only the last 16 requests count', () => {
    const times = new FalRunTimes();
    times.record(3, 10_000);
    for (let index = 0; index < 16; index += 1) times.record(3, 2_000);
    expect(times.nextPollDelay(3, 2_050, 100)).toBe(25);
    expect(times.nextPollDelay(3, 9_950, 100)).toBe(100);
  });

  it('is what a schedule made for a size count uses, and a completed request teaches it', () => {
    const times = new FalRunTimes();
    const schedule = times.scheduleFor(4, 100);
    expect(schedule.nextDelay(1_950)).toBe(100);
    schedule.completed(2_000);
    expect(times.scheduleFor(4, 100).nextDelay(1_950)).toBe(25);
  });
});

describe('FalRunTimes.deadlineMs', () => {
  it('is the ceiling (the setting) while no request of that size count has completed', () => {
    const times = new FalRunTimes();
    times.record(3, 20_000);
    expect(times.deadlineMs(1, 600_000)).toBe(600_000);
  });

  it('learns three times the slowest recent request, at least a minute, never past the ceiling', () => {
    const times = new FalRunTimes();
    times.record(2, 5_000);
    expect(times.deadlineMs(2, 600_000)).toBe(60_000);
    times.record(2, 40_000);
    expect(times.deadlineMs(2, 600_000)).toBe(120_000);
    times.record(2, 300_000);
    expect(times.deadlineMs(2, 600_000)).toBe(600_000);
    expect(times.deadlineMs(2, 2_000)).toBe(2_000);
    expect(times.slowestMs(2)).toBe(300_000);
  });
});
